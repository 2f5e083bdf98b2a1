package dev.llmstatus.status;

import java.time.Instant;

/**
 * Published after a new snapshot was swapped in (readiness waits for the first one).
 *
 * @param version its version
 * @param at when it was built
 */
public record SnapshotRebuilt(long version, Instant at) {
}
