package dev.llmstatus.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.stereotype.Component;

/**
 * The abuse limits, per reporter hash: one report per provider per {@code per-provider}, and {@code hourly-budget}
 * reports an hour across providers. Buckets live in bounded in-memory maps; each instance limits on its own, which
 * is enough to keep one person from swamping the counts.
 */
@Component
class ReportLimits {

    private final ReportProperties properties;

    private final TimeMeter time;

    private final Cache<String, Bucket> perProvider;

    private final Cache<String, Bucket> hourly;

    ReportLimits(ReportProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new ClockTime(clock);
        this.perProvider = Caffeine.newBuilder()
            .maximumSize(properties.maxTrackedClients())
            .expireAfterAccess(properties.perProvider())
            .build();
        this.hourly = Caffeine.newBuilder()
            .maximumSize(properties.maxTrackedClients())
            .expireAfterAccess(Duration.ofHours(1))
            .build();
    }

    /**
     * Takes one report from the reporter's allowance for the provider.
     *
     * @return {@code null} when allowed, otherwise how long to wait and why
     */
    Refusal acquire(String reporter, String provider) {
        Bucket forProvider = this.perProvider.get(reporter + '/' + provider, (key) -> bucket(1,
                this.properties.perProvider()));
        ConsumptionProbe probe = forProvider.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return new Refusal(false, wait(probe));
        }
        Bucket budget = this.hourly.get(reporter, (key) -> bucket(this.properties.hourlyBudget(),
                Duration.ofHours(1)));
        ConsumptionProbe hour = budget.tryConsumeAndReturnRemaining(1);
        if (!hour.isConsumed()) {
            forProvider.addTokens(1);
            return new Refusal(true, wait(hour));
        }
        return null;
    }

    /** Gives back what {@link #acquire} took, when the report could not be stored after all. */
    void release(String reporter, String provider) {
        Bucket forProvider = this.perProvider.getIfPresent(reporter + '/' + provider);
        if (forProvider != null) {
            forProvider.addTokens(1);
        }
        Bucket budget = this.hourly.getIfPresent(reporter);
        if (budget != null) {
            budget.addTokens(1);
        }
    }

    private Bucket bucket(int capacity, Duration period) {
        return Bucket.builder()
            .addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, period))
            .withCustomTimePrecision(this.time)
            .build();
    }

    private static Duration wait(ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return Duration.ofSeconds(seconds);
    }

    /**
     * Why a report was refused.
     *
     * @param hourly true when the hourly budget across providers ran out, false for the per-provider limit
     * @param retryAfter how long until the next report would be accepted
     */
    record Refusal(boolean hourly, Duration retryAfter) {
    }

    /** Bucket4j's time from the application clock, so that tests can move it. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = this.clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }

    }

}
