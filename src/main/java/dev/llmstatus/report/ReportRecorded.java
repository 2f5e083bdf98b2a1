package dev.llmstatus.report;

import java.time.Instant;

/**
 * Published after a report was committed, so that the next snapshot picks it up.
 *
 * @param provider the provider's slug
 * @param at when it was recorded
 */
public record ReportRecorded(String provider, Instant at) {
}
