package dev.llmstatus.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static dev.llmstatus.notify.Subscriptions.at;

/**
 * How many confirmation mails one email address gets per window, whoever asks and from however many instances: so
 * that nobody can use our form to fill a stranger's inbox. Counted in the database by a keyed hash of the address,
 * never the address itself; the rows are pruned once out of their window ({@link NotifyMaintenance}).
 */
@Component
class ConfirmationLimit {

    /** The key when no {@code address-secret} is set: hashes then still hide the address from a casual look. */
    private static final String DEFAULT_KEY = "llmstatus-confirmation-limit";

    private final JdbcClient jdbc;

    private final NotifyProperties properties;

    private final byte[] key;

    ConfirmationLimit(JdbcClient jdbc, NotifyProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
        String secret = properties.addressSecret();
        this.key = ((secret != null && !secret.isBlank()) ? secret : DEFAULT_KEY).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Counts one confirmation mail to the address, in the caller's transaction (rolled back with it).
     *
     * @return {@code null} when it may be sent, else how long until the address may get another
     */
    Duration acquire(String address, Instant now) {
        String hash = SubscribeLimits.hmac(this.key, address.strip().toLowerCase(Locale.ROOT));
        Instant since = now.minus(this.properties.confirmationWindow());
        Recent recent = this.jdbc.sql("select count(*) as sent, min(sent_at) as oldest from notify_confirm_sent "
                + "where address_hash = ? and sent_at > ?")
            .params(hash, at(since))
            .query((rs, n) -> new Recent(rs.getInt("sent"), Subscriptions.instant(rs, "oldest")))
            .single();
        if (recent.sent() >= this.properties.confirmationsPerAddress()) {
            Duration wait = Duration.between(now, recent.oldest().plus(this.properties.confirmationWindow()));
            return wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait;
        }
        this.jdbc.sql("insert into notify_confirm_sent (address_hash, sent_at) values (?, ?)")
            .params(hash, at(now))
            .update();
        return null;
    }

    private record Recent(int sent, Instant oldest) {
    }

}
