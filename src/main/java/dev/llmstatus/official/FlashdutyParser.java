package dev.llmstatus.official;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Reads a Flashduty status page document (status.deepseek.com): either the page's own
 * {@code /api/status-page/<page id>/summary/active} answer ({@code data.page.components} and the unresolved
 * {@code data.active_changes}), or a document combining it with the change list ({@code active.page.components},
 * {@code active.active_changes} and the history in {@code changeList.items}, as a browser-side collector stores it). Flashduty has no page-wide indicator:
 * the page is as bad as the worst component an unresolved change leaves it in. Its component words are
 * {@code operational, degraded, partial_outage, full_outage}; times are epoch seconds.
 */
final class FlashdutyParser {

    private static final String DOCUMENT = "the Flashduty page";

    private FlashdutyParser() {
    }

    static OfficialStatus parse(String provider, byte[] json, URI page, Instant fetchedAt, Instant recentSince) {
        JsonNode root = OfficialJson.object(json, DOCUMENT);
        JsonNode active = root.has("data") ? root.path("data") : root.path("active");
        JsonNode pageComponents = active.path("page").path("components");
        if (!pageComponents.isArray()) {
            throw new MalformedPageException(DOCUMENT + " has no page.components list (in data or active)");
        }
        Map<String, OfficialLevel> levels = new LinkedHashMap<>();
        for (JsonNode component : pageComponents) {
            String name = OfficialJson.text(component.path("name"));
            if (name != null) {
                levels.put(name, OfficialLevel.OPERATIONAL);
            }
        }
        Map<String, OfficialIncident> incidents = new LinkedHashMap<>();
        List<OfficialIncident> maintenances = new ArrayList<>();
        OfficialLevel overall = OfficialLevel.OPERATIONAL;
        for (JsonNode change : active.path("active_changes")) {
            OfficialIncident incident = change(provider, change, page);
            for (JsonNode component : change.path("affected_components")) {
                String name = OfficialJson.text(component.path("name"));
                OfficialLevel level = level(OfficialJson.text(component.path("status")));
                if (name != null && level.known()) {
                    levels.merge(name, level, OfficialLevel::worse);
                    overall = OfficialLevel.worse(overall, level);
                }
            }
            if (incident != null && incident.maintenance()) {
                maintenances.add(incident);
                if (incident.inProgress()) {
                    overall = OfficialLevel.worse(overall, OfficialLevel.UNDER_MAINTENANCE);
                }
            }
            else if (incident != null) {
                incidents.put(incident.externalId(), incident);
                overall = OfficialLevel.worse(overall, incident.impact());
            }
        }
        for (JsonNode change : root.path("changeList").path("items")) {
            OfficialIncident incident = change(provider, change, page);
            if (incident == null || (incident.resolved() && incident.createdAt().isBefore(recentSince))) {
                continue;
            }
            if (incident.maintenance()) {
                maintenances.add(incident);
            }
            else {
                incidents.putIfAbsent(incident.externalId(), incident);
            }
        }
        List<OfficialIncident> list = new ArrayList<>(incidents.values());
        list.sort(Comparator.comparing(OfficialIncident::createdAt).reversed());
        List<OfficialComponent> components = new ArrayList<>();
        levels.forEach((name, level) -> components.add(OfficialComponent.of(name, level)));
        String description = (overall == OfficialLevel.OPERATIONAL) ? "No active incidents" : null;
        return new OfficialStatus(provider, fetchedAt, overall, description, components, list, maintenances, null);
    }

    private static OfficialIncident change(String provider, JsonNode change, URI page) {
        String id = OfficialJson.id(change.path("change_id"));
        String title = OfficialJson.text(change.path("title"));
        Instant start = OfficialJson.seconds(change.path("start_at_seconds"));
        if (id == null || title == null || start == null) {
            return null;
        }
        String state = OfficialJson.text(change.path("status"));
        state = (state != null) ? state.toLowerCase(Locale.ROOT) : "investigating";
        boolean maintenance = "maintenance".equalsIgnoreCase(OfficialJson.text(change.path("type")));
        Instant closed = OfficialJson.seconds(change.path("close_at_seconds"));
        boolean done = Set.of("resolved", "completed", "closed").contains(state);
        Set<String> components = new LinkedHashSet<>();
        change.path("affected_components").forEach((component) -> {
            String name = OfficialJson.text(component.path("name"));
            if (name != null) {
                components.add(name);
            }
        });
        OfficialLevel impact = OfficialLevel.UNKNOWN;
        List<OfficialIncident.Update> updates = new ArrayList<>();
        for (JsonNode update : change.path("updates")) {
            for (JsonNode changed : update.path("component_changes")) {
                impact = OfficialLevel.worse(impact, level(OfficialJson.text(changed.path("status"))));
            }
            updates.add(new OfficialIncident.Update(OfficialJson.text(update.path("status")),
                    OfficialHtml.fromText(OfficialJson.text(update.path("description"))),
                    OfficialJson.seconds(update.path("at_seconds"))));
        }
        updates.sort(Comparator.comparing(OfficialIncident.Update::at,
                Comparator.nullsLast(Comparator.reverseOrder())));
        if (impact == OfficialLevel.OPERATIONAL) {
            impact = OfficialLevel.UNKNOWN;
        }
        URI link = (page != null) ? page.resolve("/incident/" + id) : null;
        return new OfficialIncident(provider, id, title, maintenance ? OfficialLevel.UNDER_MAINTENANCE : impact,
                maintenance ? maintenanceState(state) : state, start, done ? ((closed != null) ? closed : start) : null,
                link, List.copyOf(components), updates, maintenance, maintenance ? start : null,
                maintenance ? closed : null);
    }

    private static String maintenanceState(String state) {
        return switch (state) {
            case "ongoing", "in_progress", "processing" -> "in_progress";
            case "resolved", "completed", "closed" -> "completed";
            default -> "scheduled";
        };
    }

    /** Flashduty's component words. */
    static OfficialLevel level(String word) {
        return switch ((word != null) ? word.toLowerCase(Locale.ROOT) : "") {
            case "operational" -> OfficialLevel.OPERATIONAL;
            case "degraded" -> OfficialLevel.DEGRADED_PERFORMANCE;
            case "partial_outage" -> OfficialLevel.PARTIAL_OUTAGE;
            case "full_outage" -> OfficialLevel.MAJOR_OUTAGE;
            case "maintenance", "under_maintenance" -> OfficialLevel.UNDER_MAINTENANCE;
            default -> OfficialLevel.UNKNOWN;
        };
    }

}
