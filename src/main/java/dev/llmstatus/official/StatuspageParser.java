package dev.llmstatus.official;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import static dev.llmstatus.official.OfficialJson.instant;
import static dev.llmstatus.official.OfficialJson.text;

/**
 * Reads the Statuspage v2 JSON documents ({@code summary.json}, {@code components.json}, {@code incidents.json})
 * that Atlassian Statuspage and incident.io both serve, in their own words.
 */
final class StatuspageParser {

    private StatuspageParser() {
    }

    /**
     * What one summary said, before the optional documents next to it are merged in.
     *
     * @param overall the page's indicator
     * @param description the page's headline
     * @param components components and groups, in page order
     * @param unresolved the incidents the summary lists (all unresolved)
     * @param maintenances its {@code scheduled_maintenances} (upcoming and in progress)
     * @param pageUrl the page's own URL, for incident links, or {@code null}
     */
    record Summary(OfficialLevel overall, String description, List<OfficialComponent> components,
            List<OfficialIncident> unresolved, List<OfficialIncident> maintenances, String pageUrl) {

        boolean names(String component) {
            return this.components.stream().anyMatch((c) -> c.name().equals(component));
        }

    }

    static Summary summary(String provider, byte[] json) {
        JsonNode root = OfficialJson.object(json, "summary.json");
        JsonNode status = root.path("status");
        String indicator = text(status.path("indicator"));
        if (indicator == null) {
            throw new MalformedPageException("summary.json has no status.indicator");
        }
        OfficialLevel overall = OfficialLevel.indicator(indicator);
        if ("unknown".equalsIgnoreCase(indicator)) {
            throw new MalformedPageException("the page says its own status is unknown"
                    + ((text(status.path("description")) != null) ? " (" + text(status.path("description")) + ")" : ""));
        }
        if (!overall.known()) {
            throw new MalformedPageException("summary.json has an unknown indicator '" + indicator + "'");
        }
        String pageUrl = text(root.path("page").path("url"));
        return new Summary(overall, text(status.path("description")), components(root, "summary.json"),
                incidents(provider, root.path("incidents"), pageUrl, "summary.json", false),
                incidents(provider, root.path("scheduled_maintenances"), pageUrl, "summary.json", true), pageUrl);
    }

    /** The {@code components} of {@code components.json}. */
    static List<OfficialComponent> components(byte[] json) {
        return components(OfficialJson.object(json, "components.json"), "components.json");
    }

    /** The {@code incidents} of {@code incidents.json} (the page's most recent ones, resolved or not). */
    static List<OfficialIncident> incidents(String provider, byte[] json, String pageUrl) {
        JsonNode root = OfficialJson.object(json, "incidents.json");
        return incidents(provider, root.path("incidents"), pageUrl, "incidents.json", false);
    }

    /** The {@code scheduled_maintenances} of {@code scheduled-maintenances.json} (any status). */
    static List<OfficialIncident> maintenances(String provider, byte[] json, String pageUrl) {
        JsonNode root = OfficialJson.object(json, "scheduled-maintenances.json");
        return incidents(provider, root.path("scheduled_maintenances"), pageUrl, "scheduled-maintenances.json", true);
    }

    private static List<OfficialComponent> components(JsonNode root, String document) {
        JsonNode list = root.path("components");
        if (!list.isArray()) {
            throw new MalformedPageException(document + " has no components list");
        }
        Map<String, String> groupNames = new HashMap<>();
        for (JsonNode component : list) {
            if (component.path("group").asBoolean(false) && text(component.path("id")) != null) {
                groupNames.put(text(component.path("id")), text(component.path("name")));
            }
        }
        List<OfficialComponent> components = new ArrayList<>();
        for (JsonNode component : list) {
            String name = text(component.path("name"));
            if (name == null) {
                throw new MalformedPageException(document + " has a component without a name");
            }
            String groupId = text(component.path("group_id"));
            components.add(new OfficialComponent(name, (groupId != null) ? groupNames.get(groupId) : null,
                    OfficialLevel.component(text(component.path("status"))),
                    component.path("group").asBoolean(false)));
        }
        return components;
    }

    /**
     * A page shared with other companies (Replicate's component on Cloudflare's page) kept to the provider's own
     * components: the components named, or in a group named, in {@code names}; the incidents and maintenances that
     * name one of them; and, instead of the page-wide indicator, the worst of their levels, so another company's
     * incident never becomes the provider's headline.
     *
     * @throws MalformedPageException when the page lists none of them (the provider is then unknown, not operational)
     */
    static OfficialStatus keptTo(OfficialStatus page, List<String> names) {
        List<OfficialComponent> components = page.components()
            .stream()
            .filter((c) -> names.contains(c.name()) || (c.group() != null && names.contains(c.group())))
            .toList();
        if (components.isEmpty()) {
            throw new MalformedPageException("the page lists no component named " + String.join(" or ", names));
        }
        List<String> kept = components.stream().map(OfficialComponent::name).toList();
        OfficialLevel overall = OfficialLevel.UNKNOWN;
        for (String name : names) {
            overall = OfficialLevel.worse(overall, page.level(name));
        }
        if (!overall.known()) {
            throw new MalformedPageException(String.join(", ", names) + " has a status word we do not know");
        }
        Predicate<OfficialIncident> ours = (incident) -> incident.components()
            .stream()
            .anyMatch((name) -> kept.contains(name) || names.contains(name));
        return new OfficialStatus(page.provider(), page.fetchedAt(), overall,
                String.join(", ", names) + " on this shared page: " + overall.label().toLowerCase(Locale.ROOT),
                components, page.incidents().stream().filter(ours).toList(),
                page.maintenances().stream().filter(ours).toList(), null);
    }

    /** A Statuspage-shaped list of incidents or maintenances, wherever a platform puts one. */
    static List<OfficialIncident> incidents(String provider, JsonNode list, String pageUrl, String document,
            boolean maintenance) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new MalformedPageException(document + ": " + (maintenance ? "scheduled_maintenances" : "incidents")
                    + " is not a list");
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
            if (resolvedAt == null && ("resolved".equals(state) || "postmortem".equals(state)
                    || "completed".equals(state))) {
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
                updates.add(new OfficialIncident.Update(text(update.path("status")),
                        OfficialHtml.fromText(text(update.path("body"))),
                        (at != null) ? at : instant(update.path("created_at"))));
            }
            updates.sort(Comparator.comparing(OfficialIncident.Update::at,
                    Comparator.nullsLast(Comparator.reverseOrder())));
            // An incident began with its first update; created_at is when the post was opened, usually the same.
            Instant started = instant(incident.path("started_at"));
            Instant first = updates.isEmpty() ? null : updates.get(updates.size() - 1).at();
            Instant begin = (first != null && first.isBefore(createdAt)) ? first : createdAt;
            if (!maintenance && started != null && started.isBefore(begin)) {
                begin = started;
            }
            incidents.add(new OfficialIncident(provider, id, name,
                    OfficialLevel.indicator(text(incident.path("impact"))), state, begin, resolvedAt,
                    link(incident, pageUrl, id), components, updates, maintenance,
                    instant(incident.path("scheduled_for")), instant(incident.path("scheduled_until"))));
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

}
