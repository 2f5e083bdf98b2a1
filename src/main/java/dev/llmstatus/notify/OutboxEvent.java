package dev.llmstatus.notify;

import java.time.Instant;
import java.util.List;

import dev.llmstatus.status.Status;

/**
 * A status event as the outbox keeps it: enough to write every channel's message without the live snapshot, so a
 * retry a day later says what was true when it happened.
 *
 * @param id the event's stable id
 * @param type {@code incident.opened}, {@code incident.updated}, {@code incident.resolved} or
 * {@code component.changed}
 * @param provider provider slug
 * @param components the component keys concerned ({@code model:<id>} for models)
 * @param incidentId the incident's id, or {@code null} for a component change
 * @param official true for an incident from the provider's official page
 * @param title the incident's title, or {@code null}
 * @param level the level now (for a resolved incident: the worst it reached)
 * @param oldLevel the level before, or {@code null}
 * @param reason the change in words
 * @param startedAt when the incident began, or {@code null}
 * @param occurredAt when the change happened
 * @param payload the webhook body, fixed when the event was recorded so that every retry signs the same bytes
 */
record OutboxEvent(String id, String type, String provider, List<String> components, String incidentId,
        boolean official, String title, Status level, Status oldLevel, String reason, Instant startedAt,
        Instant occurredAt, String payload) {

    static final String OPENED = "incident.opened";

    static final String UPDATED = "incident.updated";

    static final String RESOLVED = "incident.resolved";

    static final String CHANGED = "component.changed";

    OutboxEvent {
        components = List.copyOf(components);
    }

    boolean componentChange() {
        return CHANGED.equals(this.type);
    }

}
