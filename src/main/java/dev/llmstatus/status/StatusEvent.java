package dev.llmstatus.status;

import java.time.Instant;

/**
 * A change in what we tell visitors about a provider, published once per change across the cluster by the instance
 * that won the write (the versioned {@code provider_track} row decides). Events are published inside the
 * transaction that records the change: a listener that must be atomic with it (the notification outbox) uses
 * {@code @TransactionalEventListener(phase = BEFORE_COMMIT)}; every other listener uses the default
 * {@code AFTER_COMMIT}, so it never sees a change that was rolled back.
 */
public sealed interface StatusEvent permits IncidentOpened, IncidentUpdated, IncidentResolved, ComponentLevelChanged {

    /**
     * Stable and unique across the cluster and across restarts (for example {@code "incident-42-opened"}): the same
     * change always carries the same id, so deliveries can be deduplicated on it.
     */
    String eventId();

    /** The provider's slug. */
    String provider();

    /** When the change happened (the start of the new level, not when we noticed it). */
    Instant occurredAt();

}
