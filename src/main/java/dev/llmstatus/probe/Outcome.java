package dev.llmstatus.probe;

/**
 * How one probe went, from the caller's point of view.
 */
public enum Outcome {

    /** An expected status within the latency threshold. */
    UP,

    /** An expected status, but slower than the latency threshold. */
    DEGRADED,

    /** HTTP 429: the front door works but refuses us for now. */
    RATE_LIMITED,

    /** 5xx, 529, refused, reset, TLS failure, timeout, or an unexpected status. */
    DOWN

}
