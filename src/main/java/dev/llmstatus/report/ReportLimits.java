package dev.llmstatus.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The abuse limits, per reporter hash: one report per provider per {@code per-provider}, and {@code hourly-budget}
 * reports an hour across providers. On one instance the buckets live in bounded in-memory maps. With
 * {@code shared-limits} they live in PostgreSQL (Bucket4j's select-for-update proxy on {@code report_limit_bucket}),
 * so that instances behind one load balancer give a person one allowance between them.
 */
@Component
class ReportLimits {

    /** Expired bucket rows deleted per statement. */
    private static final int PRUNE_BATCH = 1000;

    private final ReportProperties properties;

    private final TimeMeter time;

    private final Buckets buckets;

    ReportLimits(ReportProperties properties, Clock clock, ObjectProvider<DataSource> dataSource) {
        this.properties = properties;
        this.time = new ClockTime(clock);
        this.buckets = properties.sharedLimits() ? new SharedBuckets(dataSource.getObject(), this.time)
                : new LocalBuckets(properties);
    }

    /**
     * Takes one report from the reporter's allowance for the provider.
     *
     * @return {@code null} when allowed, otherwise how long to wait and why
     */
    Refusal acquire(String reporter, String provider) {
        Bucket forProvider = this.buckets.perProvider(reporter + '/' + provider,
                () -> configuration(1, this.properties.perProvider()));
        ConsumptionProbe probe = forProvider.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return new Refusal(false, wait(probe));
        }
        Bucket budget = this.buckets.hourly(reporter,
                () -> configuration(this.properties.hourlyBudget(), Duration.ofHours(1)));
        ConsumptionProbe hour = budget.tryConsumeAndReturnRemaining(1);
        if (!hour.isConsumed()) {
            forProvider.addTokens(1);
            return new Refusal(true, wait(hour));
        }
        return null;
    }

    /** Gives back what {@link #acquire} took, when the report could not be stored after all. */
    void release(String reporter, String provider) {
        this.buckets.perProvider(reporter + '/' + provider, () -> configuration(1, this.properties.perProvider()))
            .addTokens(1);
        this.buckets.hourly(reporter, () -> configuration(this.properties.hourlyBudget(), Duration.ofHours(1)))
            .addTokens(1);
    }

    /** Deletes shared buckets that have refilled completely: they hold nothing a new bucket would not. */
    @Scheduled(fixedDelayString = "${llmstatus.reports.prune-interval:1h}", initialDelayString = "1m")
    void pruneSharedBuckets() {
        if (this.buckets instanceof SharedBuckets shared) {
            shared.prune();
        }
    }

    private static BucketConfiguration configuration(int capacity, Duration period) {
        return BucketConfiguration.builder()
            .addLimit((limit) -> limit.capacity(capacity).refillGreedy(capacity, period))
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

    /** Where the buckets live. */
    private sealed interface Buckets permits LocalBuckets, SharedBuckets {

        Bucket perProvider(String key, Supplier<BucketConfiguration> configuration);

        Bucket hourly(String key, Supplier<BucketConfiguration> configuration);

    }

    /** In this instance's memory, the least recently seen visitors dropped first. */
    private final class LocalBuckets implements Buckets {

        private final Cache<String, Bucket> perProvider;

        private final Cache<String, Bucket> hourly;

        LocalBuckets(ReportProperties properties) {
            this.perProvider = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedClients())
                .expireAfterAccess(properties.perProvider())
                .build();
            this.hourly = Caffeine.newBuilder()
                .maximumSize(properties.maxTrackedClients())
                .expireAfterAccess(Duration.ofHours(1))
                .build();
        }

        @Override
        public Bucket perProvider(String key, Supplier<BucketConfiguration> configuration) {
            return this.perProvider.get(key, (k) -> local(configuration.get()));
        }

        @Override
        public Bucket hourly(String key, Supplier<BucketConfiguration> configuration) {
            return this.hourly.get(key, (k) -> local(configuration.get()));
        }

        private Bucket local(BucketConfiguration configuration) {
            var builder = Bucket.builder().withCustomTimePrecision(ReportLimits.this.time);
            for (Bandwidth limit : configuration.getBandwidths()) {
                builder.addLimit(limit);
            }
            return builder.build();
        }

    }

    /** In PostgreSQL, one row per bucket, locked with SELECT ... FOR UPDATE while a report takes its token. */
    private static final class SharedBuckets implements Buckets {

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> proxies;

        SharedBuckets(DataSource dataSource, TimeMeter time) {
            this.proxies = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("report_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .clientClock(time)
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
        }

        @Override
        public Bucket perProvider(String key, Supplier<BucketConfiguration> configuration) {
            return this.proxies.builder().build("p:" + key, configuration);
        }

        @Override
        public Bucket hourly(String key, Supplier<BucketConfiguration> configuration) {
            return this.proxies.builder().build("h:" + key, configuration);
        }

        void prune() {
            while (this.proxies.removeExpired(PRUNE_BATCH) == PRUNE_BATCH) {
                // Keep going while whole batches come back.
            }
        }

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
