package dev.llmstatus.official;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static dev.llmstatus.official.OfficialJson.instant;
import static dev.llmstatus.official.OfficialJson.text;

/**
 * Reads the Google Cloud service health dashboard's {@code incidents.json}: every incident of every product, kept to
 * those whose {@code affected_products} name one of ours (by title or id; {@code service_name} is often "Multiple
 * Products"). An incident is open while {@code end} is empty; its {@code status_impact} is
 * {@code SERVICE_INFORMATION, SERVICE_DISRUPTION} or {@code SERVICE_OUTAGE}, and an update whose status is
 * {@code AVAILABLE} says the product recovered. The dashboard has no all-clear of its own: our products are
 * operational while no open incident names them.
 */
final class GoogleCloudParser {

    private static final String DOCUMENT = "incidents.json";

    private GoogleCloudParser() {
    }

    static OfficialStatus parse(String provider, byte[] json, List<String> products, URI api, Instant fetchedAt,
            Instant recentSince) {
        JsonNode root = OfficialJson.list(json, DOCUMENT);
        List<OfficialIncident> incidents = new ArrayList<>();
        for (JsonNode incident : root) {
            Set<String> ours = new LinkedHashSet<>();
            for (JsonNode product : incident.path("affected_products")) {
                String title = text(product.path("title"));
                String productId = text(product.path("id"));
                products.stream()
                    .filter((wanted) -> wanted.equalsIgnoreCase(title) || wanted.equalsIgnoreCase(productId))
                    .forEach(ours::add);
            }
            OfficialIncident read = ours.isEmpty() ? null : incident(provider, incident, List.copyOf(ours), api);
            if (read != null) {
                incidents.add(read);
            }
        }
        return PlatformReading.shared(provider, fetchedAt, products, products, incidents, "open incident",
                recentSince);
    }

    private static OfficialIncident incident(String provider, JsonNode incident, List<String> products, URI api) {
        String id = text(incident.path("id"));
        Instant begin = instant(incident.path("begin"));
        if (id == null || begin == null) {
            return null;
        }
        Instant end = instant(incident.path("end"));
        List<PlatformReading.Entry> entries = new ArrayList<>();
        for (JsonNode update : incident.path("updates")) {
            Instant at = instant(update.path("when"));
            entries.add(new PlatformReading.Entry(
                    "AVAILABLE".equals(text(update.path("status"))) ? "resolved" : null,
                    OfficialHtml.fromText(markdown(text(update.path("text")))),
                    (at != null) ? at : instant(update.path("created"))));
        }
        List<OfficialIncident.Update> timeline = PlatformReading.timeline(entries, false, end != null);
        String latest = text(incident.path("most_recent_update").path("status"));
        String state = (end != null) ? "resolved" : "AVAILABLE".equals(latest) ? "monitoring" : "investigating";
        URI link = null;
        String uri = text(incident.path("uri"));
        if (uri != null && api != null) {
            try {
                link = api.resolve(uri.replaceFirst("^/+", ""));
            }
            catch (IllegalArgumentException ex) {
                link = null;
            }
        }
        OfficialLevel impact = level(text(incident.path("status_impact")));
        return new OfficialIncident(provider, id, title(incident, products), impact, state, PlatformReading.began(begin, timeline), end, link, products, timeline);
    }

    /** The first line of {@code external_desc} that is not a label, without Markdown marks. */
    private static String title(JsonNode incident, List<String> products) {
        String description = markdown(text(incident.path("external_desc")));
        if (description == null || description.isBlank()) {
            return String.join(", ", products) + " incident";
        }
        // Workspace-style descriptions start with a "Title:" label line; the title is the line after it.
        String first = description.lines()
            .map(String::strip)
            .filter((line) -> !line.isEmpty() && !line.endsWith(":"))
            .findFirst()
            .orElse(description.strip());
        return (first.length() > 200) ? first.substring(0, 199) + "…" : first;
    }

    private static String markdown(String text) {
        return (text != null) ? text.replace("**", "").replaceAll("(?m)^#+\\s*", "") : null;
    }

    /** Google Cloud's {@code status_impact}: information is shown, not counted against the product. */
    static OfficialLevel level(String word) {
        return switch ((word != null) ? word.toUpperCase(Locale.ROOT) : "") {
            case "SERVICE_OUTAGE" -> OfficialLevel.MAJOR_OUTAGE;
            case "SERVICE_DISRUPTION" -> OfficialLevel.DEGRADED_PERFORMANCE;
            default -> OfficialLevel.UNKNOWN;
        };
    }

}
