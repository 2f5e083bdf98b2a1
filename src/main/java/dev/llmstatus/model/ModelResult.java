package dev.llmstatus.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.llmstatus.probe.ErrorClass;
import dev.llmstatus.probe.Measurements;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.probe.ProbeResult;

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
        String errorType, String errorCode, String requestId, String retryAfter, String detail)
        implements Measurements {

    /**
     * This check in the shape every kind of check shares, carrying itself as its measurements: the latency is the
     * time to first token when there was one. Our own key's failures are never down: they say nothing of the
     * provider.
     */
    public ProbeResult toProbeResult(String component) {
        Outcome common = switch (this.outcome.impact()) {
            case NONE -> Outcome.UP;
            case DEGRADED -> (this.outcome == ModelOutcome.RATE_LIMITED) ? Outcome.RATE_LIMITED : Outcome.DEGRADED;
            case OUTAGE -> Outcome.DOWN;
            case OURS -> Outcome.RATE_LIMITED;
        };
        ErrorClass errorClass = switch (this.outcome) {
            case UNREACHABLE -> ErrorClass.CONNECT;
            case TIMEOUT, STREAM_STALLED -> ErrorClass.TIMEOUT;
            case SERVER_ERROR -> ErrorClass.HTTP_5XX;
            case STREAM_BROKEN -> ErrorClass.BODY;
            case KEY_REJECTED, QUOTA_EXHAUSTED, REQUEST_REJECTED, RATE_LIMITED -> ErrorClass.HTTP_4XX;
            default -> null;
        };
        long latency = (this.ttftMillis != null) ? this.ttftMillis : this.totalMillis;
        return new ProbeResult(this.provider, component, this.startedAt, Duration.ofMillis(latency), this.httpStatus,
                common, errorClass, null, this.retryAfter, null, List.of(), this.detail, this);
    }

    /** "HTTP 503 overloaded_error" for an error answer, else the detail ("first token after 7.2 s ..."). */
    public String summary() {
        if (this.httpStatus == null || this.httpStatus < 400) {
            return this.detail;
        }
        String label = errorLabel();
        return "HTTP " + this.httpStatus + ((label != null) ? " " + label : "");
    }

    /** The error label pages show: the body's type or code, else the status. */
    public String errorLabel() {
        if (this.errorType != null) {
            return this.errorType;
        }
        return this.errorCode;
    }

}
