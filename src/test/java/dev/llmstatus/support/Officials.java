package dev.llmstatus.support;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.llmstatus.official.OfficialComponent;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialLevel;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.status.Status;

/** Official readings written on our scale, for tests that script what an official page said. */
public final class Officials {

    private Officials() {
    }

    public static OfficialStatus page(String provider, Instant fetchedAt, Status overall, String description,
            Map<String, Status> components, List<OfficialIncident> incidents, String error) {
        return new OfficialStatus(provider, fetchedAt, level(overall), description,
                components.entrySet().stream().map((e) -> OfficialComponent.of(e.getKey(), level(e.getValue()))).toList(),
                incidents, List.of(), error);
    }

    public static OfficialIncident incident(String provider, String id, String name, Status impact, String state,
            Instant createdAt, Instant resolvedAt, URI link, List<String> components,
            List<OfficialIncident.Update> updates) {
        return new OfficialIncident(provider, id, name, level(impact), state, createdAt, resolvedAt, link, components,
                updates);
    }

    public static OfficialLevel level(Status status) {
        return switch (status) {
            case OPERATIONAL -> OfficialLevel.OPERATIONAL;
            case MAINTENANCE -> OfficialLevel.UNDER_MAINTENANCE;
            case DEGRADED -> OfficialLevel.DEGRADED_PERFORMANCE;
            case PARTIAL_OUTAGE -> OfficialLevel.PARTIAL_OUTAGE;
            case MAJOR_OUTAGE -> OfficialLevel.MAJOR_OUTAGE;
            case UNKNOWN -> OfficialLevel.UNKNOWN;
        };
    }

}
