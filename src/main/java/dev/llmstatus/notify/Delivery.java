package dev.llmstatus.notify;

import java.time.Instant;
import java.util.List;

import dev.llmstatus.status.Status;

/**
 * One claimed delivery, with what its notifier needs to send it.
 *
 * @param id its id
 * @param kind what it sends
 * @param subscription to whom
 * @param event the status event, {@code null} for a confirmation or pause notice
 * @param attempts attempts so far, this one included
 * @param createdAt when it was enqueued
 * @param claim the claim it is held under
 * @param leaseUntil when another instance may take it over
 * @param changes for a flapping summary: the component's changes it sums up, oldest first; otherwise empty
 */
record Delivery(long id, Kind kind, Subscription subscription, OutboxEvent event, int attempts, Instant createdAt,
        String claim, Instant leaseUntil, List<Change> changes) {

    Delivery {
        changes = List.copyOf(changes);
    }

    /** What a delivery sends. */
    enum Kind {

        /** A status event. */
        EVENT,

        /** The double opt-in mail. */
        CONFIRM,

        /** Tells the owner their subscription was paused after failing for days. */
        PAUSED

    }

    /** One level change within a flapping summary. */
    record Change(Status level, Instant at) {
    }

}
