package dev.llmstatus.probe;

import java.time.Instant;

/**
 * Published after probe results or an official page reading have been committed, so that the status engine can
 * fold them into the next snapshot.
 *
 * @param at when they were committed
 */
public record ProbeResultsRecorded(Instant at) {
}
