package dev.llmstatus.model;

import java.time.Instant;

/**
 * The result of one model check. Holds no key and no raw body: {@code detail} is our own words plus the provider's
 * error message with anything key-like redacted.
 *
 * @param provider provider slug
 * @param model model id
 * @param startedAt when the request started
 * @param outcome the classification
 * @param httpStatus the status code, or {@code null} when there was no HTTP answer
 * @param ttftMillis time to the first content token, or {@code null} when none came
 * @param totalMillis time to the end of the stream (or to the failure)
 * @param outputTokens output tokens (the provider's usage figure, else counted), or {@code null}
 * @param tokensPerSecond output tokens per second over the generation phase, or {@code null} when too short to tell
 * @param correct whether the answer was right, or {@code null} when there was no complete answer
 * @param errorType the error type from the body ({@code overloaded_error}, {@code insufficient_quota}), or
 * {@code null}
 * @param errorCode the error code from the body, or {@code null}
 * @param requestId the provider's request id header, or {@code null}
 * @param retryAfter the Retry-After header, as received, or {@code null}
 * @param detail a short description in words ("HTTP 529 overloaded_error", "first token after 7.2 s")
 */
public record ModelResult(String provider, String model, Instant startedAt, ModelOutcome outcome, Integer httpStatus,
        Long ttftMillis, long totalMillis, Integer outputTokens, Double tokensPerSecond, Boolean correct,
        String errorType, String errorCode, String requestId, String retryAfter, String detail) {

    /** The error label pages show: the body's type or code, else the status. */
    public String errorLabel() {
        if (this.errorType != null) {
            return this.errorType;
        }
        return this.errorCode;
    }

}
