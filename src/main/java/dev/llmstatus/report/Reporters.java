package dev.llmstatus.report;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Tells reporters apart without knowing who they are: turns the client's address at once into an HMAC-SHA256 under
 * the current UTC day's salt. The address is the one Tomcat reports: behind a reverse proxy, Tomcat's RemoteIpValve
 * ({@code server.forward-headers-strategy=native}) takes it from {@code X-Forwarded-For} only when the peer is one of
 * the proxies configured in {@code server.tomcat.remoteip.internal-proxies}; by default no peer is. The address
 * itself goes no further than this class: it is neither stored nor logged.
 */
@Component
class Reporters {

    private static final String HMAC = "HmacSHA256";

    private final byte[] secret;

    private final SecureRandom random = new SecureRandom();

    private final AtomicReference<DaySalt> salt = new AtomicReference<>();

    Reporters(ReportProperties properties) {
        this.secret = (properties.secret() != null && !properties.secret().isBlank())
                ? properties.secret().getBytes(StandardCharsets.UTF_8) : null;
    }

    /** The reporter's hash for the day of {@code now}. */
    String identify(String clientAddress, Instant now) {
        return hash(canonical(clientAddress), now);
    }

    String hash(String address, Instant now) {
        return HexFormat.of().formatHex(hmac(salt(now), address));
    }

    private byte[] salt(Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        DaySalt current = this.salt.get();
        if (current != null && current.day().equals(day)) {
            return current.salt();
        }
        byte[] fresh;
        if (this.secret != null) {
            fresh = hmac(this.secret, "llmstatus-report-salt:" + day);
        }
        else {
            fresh = new byte[32];
            this.random.nextBytes(fresh);
        }
        DaySalt next = new DaySalt(day, fresh);
        // Two threads crossing midnight together must agree on one salt.
        return this.salt.compareAndSet(current, next) ? fresh : salt(now);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

    /**
     * One spelling per address, so that "::1" and "0:0:0:0:0:0:0:1" are the same person. Only IPv6 literals are
     * parsed (never looked up); Tomcat already spells IPv4 addresses one way.
     */
    static String canonical(String address) {
        String value = address.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.indexOf(':') >= 0 && value.chars().allMatch((c) -> Character.digit(c, 16) >= 0 || c == ':'
                || c == '.')) {
            try {
                return InetAddress.getByName(value).getHostAddress();
            }
            catch (UnknownHostException ex) {
                return value;
            }
        }
        return (value.length() > 100) ? value.substring(0, 100) : value;
    }

    private record DaySalt(LocalDate day, byte[] salt) {
    }

}
