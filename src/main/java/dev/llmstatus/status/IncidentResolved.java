package dev.llmstatus.status;

import java.time.Instant;
import java.util.List;

/**
 * An incident ended.
 *
 * @param eventId stable id, see {@link StatusEvent#eventId()}
 * @param provider provider slug
 * @param incidentId the incident's URL-safe id
 * @param official true for an incident posted on the provider's official status page
 * @param title the incident's title
 * @param components keys of the components it affected
 * @param lastLevel the worst level it reached
 * @param reason the closing words
 * @param startedAt when it began
 * @param occurredAt when it was resolved
 */
public record IncidentResolved(String eventId, String provider, String incidentId, boolean official, String title,
        List<String> components, Status lastLevel, String reason, Instant startedAt, Instant occurredAt)
        implements StatusEvent {

    public IncidentResolved {
        components = List.copyOf(components);
    }

}
