package dev.llmstatus.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * How many subscriptions one visitor may create per hour, counted per keyed hash of the client address (Bucket4j
 * buckets in a bounded Caffeine map, as for community reports). The key is random per process and the address goes
 * no further than this class: neither stored nor logged.
 */
@Component
class SubscribeLimits {

    private final Cache<String, Bucket> buckets;

    private final int hourly;

    private final byte[] key = new byte[32];

    SubscribeLimits(NotifyProperties properties) {
        this.hourly = properties.hourlyBudget();
        this.buckets = Caffeine.newBuilder()
            .maximumSize(properties.maxTrackedClients())
            .expireAfterAccess(Duration.ofHours(1))
            .build();
        new SecureRandom().nextBytes(this.key);
    }

    /** Takes one subscription from the client's hourly allowance; {@code null} if allowed, else the wait. */
    Duration acquire(String clientAddress) {
        Bucket bucket = this.buckets.get(hash(clientAddress), (k) -> Bucket.builder()
            .addLimit((limit) -> limit.capacity(this.hourly).refillGreedy(this.hourly, Duration.ofHours(1)))
            .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        return Duration.ofSeconds(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    private String hash(String address) {
        return hmac(this.key, address);
    }

    /** The hex HMAC-SHA256 of a value: how an address becomes a key that does not give the address away. */
    static String hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

}
