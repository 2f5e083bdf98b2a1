package dev.llmstatus.status;

import java.time.Instant;

/**
 * One hour of a component's 24-hour latency chart.
 *
 * @param hour start of the hour
 * @param p50Millis median latency, or {@code null} without data
 * @param p95Millis 95th percentile, or {@code null} without data
 */
public record LatencyPoint(Instant hour, Long p50Millis, Long p95Millis) {
}
