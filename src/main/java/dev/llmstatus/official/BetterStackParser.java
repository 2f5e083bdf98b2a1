package dev.llmstatus.official;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static dev.llmstatus.official.OfficialJson.id;
import static dev.llmstatus.official.OfficialJson.instant;
import static dev.llmstatus.official.OfficialJson.text;

/**
 * Reads a Better Stack status page's {@code index.json} (JSON:API): the page's {@code aggregate_state}, its
 * {@code status_page_resource}s grouped by {@code status_page_section}, and its {@code status_report}s with their
 * {@code status_update}s. Better Stack's words are {@code operational, degraded, downtime, maintenance} (and
 * {@code not_monitored} for a resource it does not watch, left out); a report's {@code ends_at} stays {@code null}
 * after it is resolved, so its {@code aggregate_state} decides, and its end is its last update.
 */
final class BetterStackParser {

    private static final String DOCUMENT = "index.json";

    private BetterStackParser() {
    }

    static OfficialStatus parse(String provider, byte[] json, URI page, Instant fetchedAt, Instant recentSince) {
        JsonNode root = OfficialJson.object(json, DOCUMENT);
        JsonNode data = root.path("data");
        if (!"status_page".equals(text(data.path("type")))) {
            throw new MalformedPageException(DOCUMENT + " has no data of type status_page");
        }
        String aggregate = text(data.path("attributes").path("aggregate_state"));
        OfficialLevel pageLevel = level(aggregate);
        if (!pageLevel.known()) {
            throw new MalformedPageException(DOCUMENT + " has " + ((aggregate != null)
                    ? "an unknown aggregate_state '" + aggregate + "'" : "no data.attributes.aggregate_state"));
        }
        Map<String, String> sections = new HashMap<>();
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        Map<String, JsonNode> updates = new HashMap<>();
        List<JsonNode> reports = new ArrayList<>();
        for (JsonNode item : root.path("included")) {
            String type = String.valueOf(text(item.path("type")));
            String itemId = id(item.path("id"));
            JsonNode attributes = item.path("attributes");
            switch (type) {
                case "status_page_section" -> sections.put(itemId, text(attributes.path("name")));
                case "status_page_resource" -> resources.put(itemId, attributes);
                case "status_update" -> updates.put(itemId, item);
                case "status_report" -> reports.add(item);
                default -> {
                    // other JSON:API types carry nothing we show
                }
            }
        }
        Map<String, String> names = new HashMap<>();
        List<OfficialComponent> components = new ArrayList<>();
        long watched = 0;
        long down = 0;
        for (Map.Entry<String, JsonNode> resource : resources.entrySet()) {
            JsonNode attributes = resource.getValue();
            String name = text(attributes.path("public_name"));
            if (name == null) {
                continue;
            }
            names.put(resource.getKey(), name);
            OfficialLevel level = level(text(attributes.path("status")));
            if (!level.known()) {
                continue;
            }
            watched++;
            down += (level == OfficialLevel.MAJOR_OUTAGE) ? 1 : 0;
            components.add(new OfficialComponent(name, sections.get(id(attributes.path("status_page_section_id"))),
                    level, false));
        }
        // "downtime" is any resource down; the page is out only when most of what it watches is.
        OfficialLevel overall = (pageLevel == OfficialLevel.MAJOR_OUTAGE && down * 2 <= watched)
                ? OfficialLevel.PARTIAL_OUTAGE : pageLevel;
        List<OfficialIncident> incidents = new ArrayList<>();
        for (JsonNode report : reports) {
            OfficialIncident incident = report(provider, report, updates, names, page, fetchedAt);
            if (incident != null) {
                incidents.add(incident);
            }
        }
        return PlatformReading.reading(provider, fetchedAt, overall, null, components, incidents, recentSince);
    }

    private static OfficialIncident report(String provider, JsonNode report, Map<String, JsonNode> allUpdates,
            Map<String, String> names, URI page, Instant now) {
        String reportId = id(report.path("id"));
        JsonNode attributes = report.path("attributes");
        String title = text(attributes.path("title"));
        Instant startsAt = instant(attributes.path("starts_at"));
        if (reportId == null || title == null) {
            return null;
        }
        boolean maintenance = "maintenance".equalsIgnoreCase(text(attributes.path("report_type")));
        Instant endsAt = instant(attributes.path("ends_at"));
        Set<String> components = new LinkedHashSet<>();
        OfficialLevel impact = affected(attributes.path("affected_resources"), names, components);
        List<PlatformReading.Entry> entries = new ArrayList<>();
        for (JsonNode update : updatesOf(reportId, report, allUpdates)) {
            JsonNode updateAttributes = update.path("attributes");
            impact = OfficialLevel.worse(impact, affected(updateAttributes.path("affected_resources"), names,
                    components));
            entries.add(new PlatformReading.Entry(null, OfficialHtml.fromText(text(updateAttributes.path("message"))),
                    instant(updateAttributes.path("published_at"))));
        }
        boolean resolved = "resolved".equalsIgnoreCase(text(attributes.path("aggregate_state")))
                || (maintenance && endsAt != null && !endsAt.isAfter(now));
        List<OfficialIncident.Update> timeline = PlatformReading.timeline(entries, maintenance, resolved);
        Instant begin = PlatformReading.began(startsAt, timeline);
        if (begin == null) {
            return null;
        }
        Instant resolvedAt = null;
        if (resolved) {
            Instant last = timeline.isEmpty() ? null : timeline.get(0).at();
            resolvedAt = (endsAt != null) ? endsAt : (last != null) ? last : begin;
        }
        String state;
        if (maintenance) {
            state = resolved ? "completed" : (startsAt != null && now.isBefore(startsAt)) ? "scheduled" : "in_progress";
        }
        else {
            state = resolved ? "resolved" : "investigating";
        }
        URI link = (page != null) ? page.resolve("/incident/" + reportId) : null;
        return new OfficialIncident(provider, reportId, title, maintenance ? OfficialLevel.UNDER_MAINTENANCE : impact,
                state, begin, resolvedAt, link, List.copyOf(components), timeline, maintenance,
                maintenance ? startsAt : null, maintenance ? endsAt : null);
    }

    /** The report's updates: those its relationships list, and those that name it. */
    private static List<JsonNode> updatesOf(String reportId, JsonNode report, Map<String, JsonNode> allUpdates) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        for (JsonNode reference : report.path("relationships").path("status_updates").path("data")) {
            JsonNode update = allUpdates.get(id(reference.path("id")));
            if (update != null) {
                found.put(id(reference.path("id")), update);
            }
        }
        allUpdates.forEach((updateId, update) -> {
            if (reportId.equals(id(update.path("attributes").path("status_report_id")))) {
                found.putIfAbsent(updateId, update);
            }
        });
        return List.copyOf(found.values());
    }

    /** The worst level among affected resources (adding their names); "resolved" says nothing of the impact. */
    private static OfficialLevel affected(JsonNode list, Map<String, String> names, Set<String> components) {
        OfficialLevel worst = OfficialLevel.UNKNOWN;
        for (JsonNode resource : list) {
            String name = names.get(id(resource.path("status_page_resource_id")));
            if (name != null) {
                components.add(name);
            }
            OfficialLevel level = level(text(resource.path("status")));
            if (level != OfficialLevel.OPERATIONAL && level != OfficialLevel.UNDER_MAINTENANCE) {
                worst = OfficialLevel.worse(worst, level);
            }
        }
        return worst;
    }

    /** Better Stack's words; {@code not_monitored}, {@code resolved} and anything new are unknown. */
    static OfficialLevel level(String word) {
        return switch ((word != null) ? word.toLowerCase(Locale.ROOT) : "") {
            case "operational" -> OfficialLevel.OPERATIONAL;
            case "degraded" -> OfficialLevel.DEGRADED_PERFORMANCE;
            case "downtime" -> OfficialLevel.MAJOR_OUTAGE;
            case "maintenance" -> OfficialLevel.UNDER_MAINTENANCE;
            default -> OfficialLevel.UNKNOWN;
        };
    }

}
