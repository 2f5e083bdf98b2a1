package dev.llmstatus.official;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import static dev.llmstatus.official.OfficialJson.instant;
import static dev.llmstatus.official.OfficialJson.text;

/**
 * Reads an Instatus page: {@code summary.json} ({@code page.status} of {@code UP, HASISSUES, UNDERMAINTENANCE}, with
 * {@code activeIncidents} and {@code activeMaintenances} left out when empty) and, when it could be read,
 * {@code v3/components.json} (an object whose components name their {@code group}, or in the older form a bare list
 * of parents with {@code children}). Instatus words are upper case without separators ({@code PARTIALOUTAGE}); it
 * has no critical level. The summary carries no update texts, so an incident's timeline is empty.
 */
final class InstatusParser {

    private static final String DOCUMENT = "summary.json";

    private InstatusParser() {
    }

    /**
     * @param components the {@code components.json} body, or {@code null} when it could not be read
     */
    static OfficialStatus parse(String provider, byte[] summary, byte[] components, Instant fetchedAt) {
        JsonNode root = OfficialJson.object(summary, DOCUMENT);
        String pageStatus = text(root.path("page").path("status"));
        if (pageStatus == null) {
            throw new MalformedPageException(DOCUMENT + " has no page.status");
        }
        List<OfficialComponent> parts = (components != null) ? components(components) : List.of();
        List<OfficialIncident> all = new ArrayList<>();
        for (JsonNode incident : root.path("activeIncidents")) {
            OfficialIncident read = incident(provider, incident);
            if (read != null) {
                all.add(read);
            }
        }
        for (JsonNode maintenance : root.path("activeMaintenances")) {
            OfficialIncident read = maintenance(provider, maintenance, fetchedAt);
            if (read != null) {
                all.add(read);
            }
        }
        OfficialLevel overall = switch (pageStatus.toUpperCase(Locale.ROOT)) {
            case "UP" -> OfficialLevel.OPERATIONAL;
            case "UNDERMAINTENANCE" -> OfficialLevel.UNDER_MAINTENANCE;
            case "HASISSUES" -> null;
            default -> throw new MalformedPageException(DOCUMENT + " has an unknown page.status '" + pageStatus + "'");
        };
        OfficialStatus reading = PlatformReading.reading(provider, fetchedAt, overall, null, parts, all, Instant.MIN);
        if (overall != null) {
            return reading;
        }
        // HASISSUES: as bad as its worst open incident or component, and never operational.
        OfficialLevel worst = reading.overall();
        for (OfficialComponent part : parts) {
            worst = OfficialLevel.worse(worst, part.level());
        }
        if (worst == OfficialLevel.OPERATIONAL || worst == OfficialLevel.UNDER_MAINTENANCE) {
            worst = OfficialLevel.DEGRADED_PERFORMANCE;
        }
        return new OfficialStatus(provider, fetchedAt, worst, null, reading.components(), reading.incidents(),
                reading.maintenances(), null);
    }

    private static OfficialIncident incident(String provider, JsonNode incident) {
        String id = text(incident.path("id"));
        String name = text(incident.path("name"));
        Instant started = instant(incident.path("started"));
        if (id == null || name == null || started == null) {
            return null;
        }
        String state = text(incident.path("status"));
        state = (state != null) ? state.toLowerCase(Locale.ROOT) : "investigating";
        Instant resolvedAt = "resolved".equals(state) ? instant(incident.path("updatedAt")) : null;
        OfficialLevel impact = level(text(incident.path("impact")));
        return new OfficialIncident(provider, id, name,
                (impact == OfficialLevel.OPERATIONAL) ? OfficialLevel.UNKNOWN : impact, state, started,
                (resolvedAt == null && "resolved".equals(state)) ? started : resolvedAt, link(incident), List.of(),
                List.of());
    }

    private static OfficialIncident maintenance(String provider, JsonNode maintenance, Instant now) {
        String id = text(maintenance.path("id"));
        String name = text(maintenance.path("name"));
        Instant start = instant(maintenance.path("start"));
        if (id == null || name == null || start == null) {
            return null;
        }
        JsonNode minutes = maintenance.path("duration");
        String duration = minutes.isNumber() ? minutes.asString() : text(minutes);
        Instant until = (duration != null && duration.matches("\\d{1,6}"))
                ? start.plus(Duration.ofMinutes(Long.parseLong(duration))) : null;
        String state = switch (String.valueOf(text(maintenance.path("status"))).toUpperCase(Locale.ROOT)) {
            case "INPROGRESS" -> "in_progress";
            case "COMPLETED" -> "completed";
            default -> "scheduled";
        };
        Instant resolvedAt = null;
        if ("completed".equals(state)) {
            Instant updated = instant(maintenance.path("updatedAt"));
            resolvedAt = (updated != null) ? updated : (until != null) ? until : now;
        }
        return new OfficialIncident(provider, id, name, OfficialLevel.UNDER_MAINTENANCE, state, start, resolvedAt,
                link(maintenance), List.of(), List.of(), true, start, until);
    }

    private static List<OfficialComponent> components(byte[] json) {
        JsonNode root = OfficialJson.object(wrapped(json), "components.json");
        List<OfficialComponent> components = new ArrayList<>();
        for (JsonNode component : root.path("components")) {
            String name = text(component.path("name"));
            if (name == null) {
                continue;
            }
            if (component.path("children").isArray() && !component.path("children").isEmpty()) {
                for (JsonNode child : component.path("children")) {
                    String childName = text(child.path("name"));
                    if (childName != null) {
                        components.add(new OfficialComponent(childName, name, level(text(child.path("status"))),
                                false));
                    }
                }
                continue;
            }
            components.add(new OfficialComponent(name, text(component.path("group").path("name")),
                    level(text(component.path("status"))), false));
        }
        return components;
    }

    /** The older form is a bare list: read both as {@code {"components": [...]}}. */
    private static byte[] wrapped(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8).strip();
        return text.startsWith("[") ? ("{\"components\":" + text + "}").getBytes(StandardCharsets.UTF_8) : json;
    }

    private static URI link(JsonNode node) {
        String url = text(node.path("url"));
        try {
            return (url != null) ? URI.create(url) : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** Instatus words for a component's status or an incident's impact. */
    static OfficialLevel level(String word) {
        return switch ((word != null) ? word.toUpperCase(Locale.ROOT) : "") {
            case "OPERATIONAL" -> OfficialLevel.OPERATIONAL;
            case "DEGRADEDPERFORMANCE", "DEGRADED", "MINOROUTAGE" -> OfficialLevel.DEGRADED_PERFORMANCE;
            case "PARTIALOUTAGE" -> OfficialLevel.PARTIAL_OUTAGE;
            case "MAJOROUTAGE" -> OfficialLevel.MAJOR_OUTAGE;
            case "UNDERMAINTENANCE" -> OfficialLevel.UNDER_MAINTENANCE;
            default -> OfficialLevel.UNKNOWN;
        };
    }

}
