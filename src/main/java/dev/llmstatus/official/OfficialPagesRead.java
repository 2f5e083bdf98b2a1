package dev.llmstatus.official;

import java.time.Instant;

/**
 * Published after a round of official page readings is saved, so the status engine folds them into the next
 * snapshot.
 *
 * @param at when they were saved
 */
public record OfficialPagesRead(Instant at) {
}
