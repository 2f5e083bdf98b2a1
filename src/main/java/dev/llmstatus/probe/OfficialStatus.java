package dev.llmstatus.probe;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmstatus.status.Status;

/**
 * What a provider's official status page said the last time we read it.
 *
 * @param provider provider slug
 * @param fetchedAt when we read it
 * @param overall the page's overall level on our scale; {@link Status#UNKNOWN} when the page was unreadable
 * @param description the page's own headline ("All Systems Operational"), or {@code null}
 * @param components official component name to level, in page order
 * @param incidents unresolved and recent incidents, newest first
 * @param error why the page could not be read, or {@code null}
 */
public record OfficialStatus(String provider, Instant fetchedAt, Status overall, String description,
        Map<String, Status> components, List<OfficialIncident> incidents, String error) {

    public OfficialStatus {
        components = (components != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(components)) : Map.of();
        incidents = (incidents != null) ? List.copyOf(incidents) : List.of();
    }

    public boolean readable() {
        return this.error == null && this.overall.known();
    }

}
