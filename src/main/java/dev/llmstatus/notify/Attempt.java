package dev.llmstatus.notify;

import java.time.Duration;

/**
 * How one attempt to deliver went. The error is short and never holds the target, which may carry a secret (Slack and
 * Discord put theirs in the URL).
 *
 * @param outcome delivered, to retry, or refused for good
 * @param retryAfter the wait the target asked for ({@code Retry-After}), or {@code null}
 * @param error what went wrong, or {@code null}
 */
record Attempt(Outcome outcome, Duration retryAfter, String error) {

    static final Attempt DELIVERED = new Attempt(Outcome.DELIVERED, null, null);

    static Attempt retry(String error, Duration retryAfter) {
        return new Attempt(Outcome.RETRY, retryAfter, error);
    }

    static Attempt refused(String error) {
        return new Attempt(Outcome.REFUSED, null, error);
    }

    enum Outcome {

        DELIVERED, RETRY, REFUSED

    }

}
