package dev.llmstatus.probe;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.llmstatus.status.Status;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the Statuspage v2 JSON documents ({@code summary.json}, {@code components.json}, {@code incidents.json}) that
 * Atlassian Statuspage and incident.io both serve, and maps their words onto {@link Status}.
 */
final class StatuspageParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private StatuspageParser() {
    }

    /** A page that does not have the expected shape. */
    static final class MalformedPageException extends RuntimeException {

        MalformedPageException(String message) {
            super(message);
        }

    }

    /**
     * What one summary said, before the optional documents next to it are merged in.
     *
     * @param overall the indicator on our scale
     * @param description the page's headline
     * @param components component name to level, in page order
     * @param unresolved the incidents the summary lists (all unresolved)
     * @param pageUrl the page's own URL, for incident links, or {@code null}
     */
    record Summary(Status overall, String description, Map<String, Status> components,
            List<OfficialIncident> unresolved, String pageUrl) {
    }

    static Summary summary(String provider, byte[] json) {
        JsonNode root = read(json, "summary.json");
        JsonNode status = root.path("status");
        String indicator = text(status.path("indicator"));
        if (indicator == null) {
            throw new MalformedPageException("summary.json has no status.indicator");
        }
        Status overall = indicator(indicator);
        if (overall == Status.UNKNOWN) {
            throw new MalformedPageException("summary.json has an unknown indicator '" + indicator + "'");
        }
        String pageUrl = text(root.path("page").path("url"));
        return new Summary(overall, text(status.path("description")), components(root, "summary.json"),
                incidents(provider, root, pageUrl, "summary.json"), pageUrl);
    }

    /** The {@code components} of {@code components.json}. */
    static Map<String, Status> components(byte[] json) {
        return components(read(json, "components.json"), "components.json");
    }

    /** The {@code incidents} of {@code incidents.json} (the page's most recent ones, resolved or not). */
    static List<OfficialIncident> incidents(String provider, byte[] json, String pageUrl) {
        return incidents(provider, read(json, "incidents.json"), pageUrl, "incidents.json");
    }

    static Status componentStatus(String word) {
        return switch ((word != null) ? word.toLowerCase(Locale.ROOT) : "") {
            case "operational" -> Status.OPERATIONAL;
            case "degraded_performance" -> Status.DEGRADED;
            case "partial_outage" -> Status.PARTIAL_OUTAGE;
            case "major_outage" -> Status.MAJOR_OUTAGE;
            case "under_maintenance" -> Status.MAINTENANCE;
            default -> Status.UNKNOWN;
        };
    }

    static Status indicator(String word) {
        return switch ((word != null) ? word.toLowerCase(Locale.ROOT) : "") {
            case "none" -> Status.OPERATIONAL;
            case "minor" -> Status.DEGRADED;
            case "major" -> Status.PARTIAL_OUTAGE;
            case "critical" -> Status.MAJOR_OUTAGE;
            case "maintenance" -> Status.MAINTENANCE;
            default -> Status.UNKNOWN;
        };
    }

    private static Map<String, Status> components(JsonNode root, String document) {
        JsonNode list = root.path("components");
        if (!list.isArray()) {
            throw new MalformedPageException(document + " has no components list");
        }
        Map<String, Status> components = new LinkedHashMap<>();
        for (JsonNode component : list) {
            String name = text(component.path("name"));
            if (name == null) {
                throw new MalformedPageException(document + " has a component without a name");
            }
            if (component.path("group").asBoolean(false)) {
                continue;
            }
            components.put(name, componentStatus(text(component.path("status"))));
        }
        return components;
    }

    private static List<OfficialIncident> incidents(String provider, JsonNode root, String pageUrl, String document) {
        JsonNode list = root.path("incidents");
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new MalformedPageException(document + ": incidents is not a list");
        }
        List<OfficialIncident> incidents = new ArrayList<>();
        for (JsonNode incident : list) {
            String id = text(incident.path("id"));
            String name = text(incident.path("name"));
            Instant createdAt = instant(incident.path("created_at"));
            if (id == null || name == null || createdAt == null) {
                throw new MalformedPageException(document + " has an incident without id, name or created_at");
            }
            String state = text(incident.path("status"));
            Instant resolvedAt = instant(incident.path("resolved_at"));
            if (resolvedAt == null && ("resolved".equals(state) || "postmortem".equals(state))) {
                resolvedAt = instant(incident.path("updated_at"));
            }
            List<String> components = new ArrayList<>();
            for (JsonNode component : incident.path("components")) {
                String componentName = text(component.path("name"));
                if (componentName != null) {
                    components.add(componentName);
                }
            }
            List<OfficialIncident.Update> updates = new ArrayList<>();
            for (JsonNode update : incident.path("incident_updates")) {
                Instant at = instant(update.path("display_at"));
                updates.add(new OfficialIncident.Update(text(update.path("status")), text(update.path("body")),
                        (at != null) ? at : instant(update.path("created_at"))));
            }
            updates.sort(Comparator.comparing(OfficialIncident.Update::at,
                    Comparator.nullsLast(Comparator.reverseOrder())));
            incidents.add(new OfficialIncident(provider, id, name, indicator(text(incident.path("impact"))), state,
                    createdAt, resolvedAt, link(incident, pageUrl, id), components, updates));
        }
        return incidents;
    }

    private static URI link(JsonNode incident, String pageUrl, String id) {
        String shortlink = text(incident.path("shortlink"));
        try {
            if (shortlink != null) {
                return URI.create(shortlink);
            }
            return (pageUrl != null) ? URI.create(pageUrl.replaceAll("/+$", "") + "/incidents/" + id) : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static JsonNode read(byte[] json, String document) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new MalformedPageException(document + " is not a JSON object");
            }
            return root;
        }
        catch (JacksonException ex) {
            throw new MalformedPageException(document + " is not valid JSON: " + ex.getOriginalMessage());
        }
    }

    static String text(JsonNode node) {
        return (node != null && node.isString() && !node.stringValue().isBlank()) ? node.stringValue().strip() : null;
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

}
