package dev.llmstatus.probe;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the prober runs. Per-component timing (interval, timeout, latency threshold) lives in the catalog.
 *
 * @param enabled whether this instance probes at all; history stays readable when it does not
 * @param perHostConcurrency the most probes in flight at once against one host; more wait their turn
 * @param jitter the window over which components' start times are spread (capped at each component's interval)
 * @param workerThreads threads that take locks and hand probes to the HTTP client (never held while a probe is in
 * flight)
 * @param dnsTimeout the longest a host name lookup may take before the probe fails with a DNS error
 * @param userAgent the User-Agent header of every probe and official page request
 * @param flushInterval how often finished results are written to the database in one batch
 * @param maxPending the most finished results held in memory while the database is slow; older ones are dropped
 * @param officialInterval how often official status pages are read
 * @param officialTimeout total deadline for reading one official page (all its documents)
 * @param recentIncidents how far back resolved official incidents are imported and returned
 * @param selfCheckInterval how often the monitor decides whether it is offline
 * @param offlineMinProbes the fewest probes in the self-check window needed before the monitor may call itself
 * offline
 * @param rawRetention how long raw probe results are kept
 * @param rollupRetention how long hourly rollups (and official incidents) are kept
 * @param rollupInterval how often hourly rollups are brought up to date
 * @param pruneInterval how often expired rows are deleted
 * @param pruneBatchSize the most rows one delete statement removes
 * @param load when a result counts as measured while the prober itself was behind ({@link ProberLoad})
 */
@ConfigurationProperties("llmstatus.probe")
public record ProbeProperties(@DefaultValue("true") boolean enabled, @DefaultValue("16") int perHostConcurrency,
        @DefaultValue("60s") Duration jitter, @DefaultValue("4") int workerThreads,
        @DefaultValue("5s") Duration dnsTimeout,
        @DefaultValue("llm-status-prober/0.1 (availability check; no credentials)") String userAgent,
        @DefaultValue("1s") Duration flushInterval, @DefaultValue("100000") int maxPending,
        @DefaultValue("2m") Duration officialInterval, @DefaultValue("15s") Duration officialTimeout,
        @DefaultValue("30d") Duration recentIncidents, @DefaultValue("10s") Duration selfCheckInterval,
        @DefaultValue("3") int offlineMinProbes, @DefaultValue("7d") Duration rawRetention,
        @DefaultValue("90d") Duration rollupRetention, @DefaultValue("5m") Duration rollupInterval,
        @DefaultValue("1h") Duration pruneInterval, @DefaultValue("5000") int pruneBatchSize, @DefaultValue Load load) {

    public ProbeProperties {
        if (perHostConcurrency < 1 || workerThreads < 1 || maxPending < 1 || offlineMinProbes < 1
                || pruneBatchSize < 1) {
            throw new IllegalArgumentException(
                    "llmstatus.probe: per-host-concurrency, worker-threads, max-pending, offline-min-probes and "
                            + "prune-batch-size must be at least 1");
        }
        if (rollupRetention.compareTo(Duration.ofDays(90)) < 0) {
            throw new IllegalArgumentException("llmstatus.probe.rollup-retention must be at least 90 days");
        }
    }

    /**
     * When the prober counts itself as behind: a result measured then cannot make a component slow or down.
     *
     * @param tick how often the load sampler wakes up
     * @param stall how late a wake-up must be to count as a stall of the whole process
     * @param busyCpu the machine CPU load (0 to 1), sampled every second, at or above which the machine is saturated
     * @param maxLag how late after its due time a probe may start before its result counts as measured under load
     */
    public record Load(@DefaultValue("50ms") Duration tick, @DefaultValue("150ms") Duration stall,
            @DefaultValue("0.9") double busyCpu, @DefaultValue("2s") Duration maxLag) {

        public Load {
            if (tick.isNegative() || tick.isZero() || stall.compareTo(tick) < 0 || busyCpu <= 0) {
                throw new IllegalArgumentException("llmstatus.probe.load: tick must be positive, stall at least one "
                        + "tick, busy-cpu above 0");
            }
        }

    }

}
