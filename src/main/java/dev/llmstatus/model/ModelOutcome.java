package dev.llmstatus.model;

/**
 * How one model check went. Each outcome has one {@link Impact}: what it says about the provider.
 */
public enum ModelOutcome {

    /** A correct answer within both thresholds. */
    OK(Impact.NONE),

    /** The first token came later than the threshold. */
    SLOW_FIRST_TOKEN(Impact.DEGRADED),

    /** Generation ran slower than the minimum tokens per second. */
    SLOW_GENERATION(Impact.DEGRADED),

    /** The stream completed, but the answer was not 391. */
    WRONG_ANSWER(Impact.DEGRADED),

    /** HTTP 429 that does not name our quota: the provider is shedding load. */
    RATE_LIMITED(Impact.DEGRADED),

    /** HTTP 5xx (529 included), or an error event inside the stream. */
    SERVER_ERROR(Impact.OUTAGE),

    /** No first token within the timeout. */
    TIMEOUT(Impact.OUTAGE),

    /** The stream ended before its end marker. */
    STREAM_BROKEN(Impact.OUTAGE),

    /** The stream stopped sending mid-answer and stayed silent past the timeout. */
    STREAM_STALLED(Impact.OUTAGE),

    /** No connection (DNS, refused, reset, TLS): the provider's or our network. */
    UNREACHABLE(Impact.OUTAGE),

    /** 401/403: our key is refused. */
    KEY_REJECTED(Impact.OURS),

    /** Our account is out of quota or credit. */
    QUOTA_EXHAUSTED(Impact.OURS),

    /** Any other 4xx: our request is refused (a retired model id, say). */
    REQUEST_REJECTED(Impact.OURS);

    /** What an outcome says about the provider. */
    public enum Impact {

        /** Working normally. */
        NONE,

        /** Working, but slowly, wrongly or throttled. */
        DEGRADED,

        /** Failing. */
        OUTAGE,

        /** A problem of our own account or configuration: says nothing about the provider. */
        OURS

    }

    private final Impact impact;

    ModelOutcome(Impact impact) {
        this.impact = impact;
    }

    public Impact impact() {
        return this.impact;
    }

    /** Whether the check got as far as the provider (no connection means our network may be to blame). */
    public boolean reachedProvider() {
        return this != UNREACHABLE;
    }

}
