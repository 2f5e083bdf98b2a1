package dev.llmstatus.probe;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * ShedLock locks that make work happen once across instances sharing one database. A lock is held for a fixed time
 * and never released early: whoever takes it first in a period does the work, and the others, which try at the same
 * wall-clock moments, find it taken.
 */
@ProbingComponent
final class ClusterLocks {

    private static final int MAX_NAME = 64;

    private final LockProvider provider;

    ClusterLocks(JdbcTemplate jdbc) {
        this.provider = new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc).usingDbTime().build());
    }

    /** Takes the lock for {@code hold} if nobody holds it. */
    boolean tryAcquire(String name, Duration hold) {
        return this.provider.lock(new LockConfiguration(Instant.now(), name(name), hold, Duration.ZERO)).isPresent();
    }

    /** ShedLock's table keeps names of up to 64 characters; longer ones are replaced by a digest. */
    static String name(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "probe#" + HexFormat.of().formatHex(digest, 0, 24);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
