package dev.llmstatus.official;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import static dev.llmstatus.official.OfficialJson.instant;
import static dev.llmstatus.official.OfficialJson.text;

/**
 * Reads a Rootly status page's public {@code /api/v1/status.json} (served on the page's custom domain only): a
 * {@code page} (name, time zone, {@code updated_at} in the page's own offset, no URL), a {@code status.indicator} of
 * {@code none, minor, major, maintenance} with its description, and the active {@code incidents}. Rootly lists no
 * components there.
 * <p>
 * An incident is not Statuspage's: it has no {@code id} or {@code created_at}, only {@code name}, Rootly's own incident
 * {@code status} ({@code started}, {@code mitigated}, {@code resolved}), an {@code impact} mapped from its severity,
 * {@code started_at}, {@code resolved_at}, its page's {@code url} (whose last segment is its id) and
 * {@code incident_updates} with {@code body}, {@code status} (investigating, identified, monitoring, resolved) and
 * {@code created_at}.
 */
final class RootlyParser {

    private static final String DOCUMENT = "status.json";

    private RootlyParser() {
    }

    static OfficialStatus parse(String provider, byte[] json, Instant fetchedAt) {
        JsonNode root = OfficialJson.object(json, DOCUMENT);
        String indicator = text(root.path("status").path("indicator"));
        if (indicator == null) {
            throw new MalformedPageException(DOCUMENT + " has no status.indicator");
        }
        OfficialLevel overall = OfficialLevel.indicator(indicator);
        if (!overall.known()) {
            throw new MalformedPageException(DOCUMENT + " has an unknown indicator '" + indicator + "'");
        }
        return PlatformReading.reading(provider, fetchedAt, overall, text(root.path("status").path("description")),
                List.of(), incidents(provider, root.path("incidents")), Instant.MIN);
    }

    private static List<OfficialIncident> incidents(String provider, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new MalformedPageException(DOCUMENT + ": incidents is not a list");
        }
        List<OfficialIncident> incidents = new ArrayList<>();
        for (JsonNode incident : list) {
            String name = text(incident.path("name"));
            URI link = link(text(incident.path("url")));
            String id = (text(incident.path("id")) != null) ? text(incident.path("id")) : lastSegment(link);
            List<PlatformReading.Entry> entries = new ArrayList<>();
            for (JsonNode update : incident.path("incident_updates")) {
                entries.add(new PlatformReading.Entry(text(update.path("status")),
                        OfficialHtml.fromText(text(update.path("body"))), instant(update.path("created_at"))));
            }
            Instant resolvedAt = instant(incident.path("resolved_at"));
            List<OfficialIncident.Update> updates = PlatformReading.timeline(entries, false, resolvedAt != null);
            Instant began = PlatformReading.began(instant(incident.path("started_at")), updates);
            if (name == null || id == null || began == null) {
                throw new MalformedPageException(DOCUMENT + " has an incident without name, url or start");
            }
            String state = state(text(incident.path("status")), updates);
            if (resolvedAt == null && "resolved".equals(state) && !updates.isEmpty()) {
                resolvedAt = updates.get(0).at();
            }
            incidents.add(new OfficialIncident(provider, id, name,
                    OfficialLevel.indicator(text(incident.path("impact"))), state, began, resolvedAt, link, List.of(),
                    updates));
        }
        return incidents;
    }

    /**
     * The state in Statuspage's words: the newest update's, else Rootly's incident status translated (mitigated is
     * "monitoring", started and anything else "investigating").
     */
    private static String state(String status, List<OfficialIncident.Update> updates) {
        if (!updates.isEmpty() && updates.get(0).state() != null) {
            return updates.get(0).state().toLowerCase(Locale.ROOT);
        }
        return switch ((status != null) ? status.toLowerCase(Locale.ROOT) : "") {
            case "resolved", "closed" -> "resolved";
            case "mitigated" -> "monitoring";
            default -> "investigating";
        };
    }

    private static URI link(String url) {
        try {
            return (url != null) ? URI.create(url) : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static String lastSegment(URI link) {
        if (link == null || link.getPath() == null) {
            return null;
        }
        String path = link.getPath().replaceAll("/+$", "");
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isEmpty() ? null : segment;
    }

}
