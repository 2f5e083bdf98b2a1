package dev.llmstatus.probe;

import java.time.Instant;
import java.util.Arrays;

/**
 * One hour of one component's probe results, kept long after the raw results are pruned. Only checks that reached
 * the provider count: a probe that failed at the network level (DNS, connect) saw our network, not the provider, so
 * an hour of such probes has no data rather than failures.
 *
 * @param provider provider slug
 * @param component component key
 * @param hour the start of the hour (UTC)
 * @param checks number of probes that reached the provider
 * @param failures of those, probes classified {@link Outcome#DOWN}
 * @param degraded of those, probes classified {@link Outcome#DEGRADED} or {@link Outcome#RATE_LIMITED}
 * @param p50Millis median latency of those
 * @param p95Millis 95th percentile latency of those
 */
public record HourlyRollup(String provider, String component, Instant hour, int checks, int failures, int degraded,
        long p50Millis, long p95Millis) {

    /** Whether a probe counts in a rollup: it reached the provider, whatever the answer. */
    public static boolean reachedProvider(ErrorClass errorClass) {
        return errorClass == null || !errorClass.network();
    }

    /**
     * Tallies one hour of one component, so that the maintenance job and the snapshot's current hour count alike.
     * Latency percentiles are nearest rank.
     */
    public static final class Accumulator {

        private long[] latencies = new long[64];

        private int checks;

        private int failures;

        private int degraded;

        public void add(long latencyMillis, Outcome outcome, ErrorClass errorClass) {
            if (!reachedProvider(errorClass)) {
                return;
            }
            if (this.checks == this.latencies.length) {
                this.latencies = Arrays.copyOf(this.latencies, this.checks * 2);
            }
            this.latencies[this.checks++] = latencyMillis;
            if (outcome == Outcome.DOWN) {
                this.failures++;
            }
            else if (outcome == Outcome.DEGRADED || outcome == Outcome.RATE_LIMITED) {
                this.degraded++;
            }
        }

        public HourlyRollup rollup(String provider, String component, Instant hour) {
            long[] sorted = Arrays.copyOf(this.latencies, this.checks);
            Arrays.sort(sorted);
            return new HourlyRollup(provider, component, hour, this.checks, this.failures, this.degraded,
                    percentile(sorted, 0.50), percentile(sorted, 0.95));
        }

        private static long percentile(long[] sorted, double p) {
            return (sorted.length == 0) ? 0 : sorted[Percentiles.rank(sorted.length, p)];
        }

    }

}
