package dev.llmstatus.status;

import java.time.Instant;
import java.util.List;

/**
 * An open incident changed: another level, other components, or (official incidents) a new update posted.
 *
 * @param eventId stable id, see {@link StatusEvent#eventId()}
 * @param provider provider slug
 * @param incidentId the incident's URL-safe id
 * @param official true for an incident posted on the provider's official status page
 * @param title the incident's title
 * @param components keys of the affected components now
 * @param oldLevel the level before
 * @param newLevel the level now
 * @param reason the update in words
 * @param startedAt when the incident began
 * @param occurredAt when this change happened
 */
public record IncidentUpdated(String eventId, String provider, String incidentId, boolean official, String title,
        List<String> components, Status oldLevel, Status newLevel, String reason, Instant startedAt,
        Instant occurredAt) implements StatusEvent {

    public IncidentUpdated {
        components = List.copyOf(components);
    }

}
