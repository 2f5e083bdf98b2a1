package dev.llmstatus.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Abuse limits, privacy and spike detection for community reports.
 *
 * @param perProvider one person may report a given provider once per this long
 * @param hourlyBudget how many reports one person may send per hour across all providers
 * @param secret shared by all instances behind one load balancer so that they hash a visitor alike: each UTC day's
 * salt is derived from it and the date. Leave it unset on a single instance: the salt is then 32 random bytes per
 * day, held in memory only, and lost on restart (the limits start afresh)
 * @param maxTrackedClients how many visitors' limit buckets are held in memory at most; the least recently seen go
 * first
 * @param spikeMinReporters "users are reporting problems" needs at least this many people in the last 15 minutes
 * @param spikeFactor ... and at least this many times the usual number for that time of day (the median of the same
 * hour over the last 7 days)
 * @param retention how long reports are kept; at least 8 days, since the baseline looks back a week
 * @param pruneInterval how often reports older than the retention are deleted
 * @param pruneBatchSize most rows one delete statement removes
 * @param sharedLimits keep the limit buckets in the database instead of in memory, so that several instances behind
 * one load balancer give a person one allowance between them (set it, with the same {@code secret}, on every
 * instance); a single instance needs neither
 */
@ConfigurationProperties("llmstatus.reports")
public record ReportProperties(@DefaultValue("10m") Duration perProvider, @DefaultValue("5") int hourlyBudget,
        String secret, @DefaultValue("100000") int maxTrackedClients,
        @DefaultValue("5") int spikeMinReporters, @DefaultValue("3") double spikeFactor,
        @DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("5000") int pruneBatchSize, @DefaultValue("false") boolean sharedLimits) {

    public ReportProperties {
        if (perProvider.isNegative() || perProvider.isZero()) {
            throw new IllegalArgumentException("llmstatus.reports.per-provider must be positive");
        }
        if (hourlyBudget < 1) {
            throw new IllegalArgumentException("llmstatus.reports.hourly-budget must be at least 1");
        }
        if (spikeMinReporters < 1 || spikeFactor <= 0) {
            throw new IllegalArgumentException(
                    "llmstatus.reports.spike-min-reporters must be at least 1 and spike-factor positive");
        }
        if (retention.compareTo(Duration.ofDays(8)) < 0) {
            throw new IllegalArgumentException("llmstatus.reports.retention must be at least 8d: the baseline needs a week");
        }
        if (pruneBatchSize < 1) {
            throw new IllegalArgumentException("llmstatus.reports.prune-batch-size must be at least 1");
        }
    }

    /** The defaults, for tests and tools. */
    static ReportProperties defaults() {
        return new ReportProperties(Duration.ofMinutes(10), 5, null, 100_000, 5, 3, Duration.ofDays(30),
                Duration.ofHours(1), 5000, false);
    }

}
