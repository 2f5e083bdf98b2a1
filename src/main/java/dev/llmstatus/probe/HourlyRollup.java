package dev.llmstatus.probe;

import java.time.Instant;

/**
 * One hour of one component's probe results, kept long after the raw results are pruned.
 *
 * @param provider provider slug
 * @param component component key
 * @param hour the start of the hour (UTC)
 * @param checks number of probes
 * @param failures probes classified {@link Outcome#DOWN}
 * @param degraded probes classified {@link Outcome#DEGRADED} or {@link Outcome#RATE_LIMITED}
 * @param p50Millis median latency
 * @param p95Millis 95th percentile latency
 */
public record HourlyRollup(String provider, String component, Instant hour, int checks, int failures, int degraded,
        long p50Millis, long p95Millis) {
}
