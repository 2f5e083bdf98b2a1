package dev.llmstatus.status;

import java.time.Instant;
import java.util.List;

/**
 * An incident began: ours (the provider left operational after damping) or the official page's.
 *
 * @param eventId stable id, see {@link StatusEvent#eventId()}
 * @param provider provider slug
 * @param incidentId the incident's URL-safe id
 * @param official true for an incident posted on the provider's official status page
 * @param title the incident's title
 * @param components keys of the affected components (or {@code model:<id>} for models); empty when not known
 * @param level its level
 * @param reason the headline in words ("API front door failing for 4 min (HTTP 503)")
 * @param occurredAt when it began
 */
public record IncidentOpened(String eventId, String provider, String incidentId, boolean official, String title,
        List<String> components, Status level, String reason, Instant occurredAt) implements StatusEvent {

    public IncidentOpened {
        components = List.copyOf(components);
    }

}
