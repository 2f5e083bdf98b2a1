package dev.llmstatus.model;

import java.time.Instant;

/**
 * One hour of one model's checks.
 *
 * @param provider provider slug
 * @param model model id
 * @param hour the hour's start
 * @param checks checks in the hour
 * @param failures checks whose outcome is an outage
 * @param degraded checks whose outcome is degraded
 * @param ours checks that failed on our own key or account (they count neither for nor against the provider)
 * @param ttftP50 median time to first token, or {@code null} when no check got a token
 * @param ttftP95 95th percentile time to first token, or {@code null}
 * @param tokensPerSecondP50 median tokens per second, or {@code null}
 */
public record ModelRollup(String provider, String model, Instant hour, int checks, int failures, int degraded,
        int ours, Long ttftP50, Long ttftP95, Double tokensPerSecondP50) {
}
