package dev.llmstatus.official;

import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static dev.llmstatus.official.OfficialJson.text;

/**
 * Reads a Rootly status page's public {@code /api/v1/status.json} (served on the page's custom domain only): a
 * Statuspage-like {@code page}, a {@code status.indicator} of {@code none, minor, major, maintenance} with its
 * description, and the active {@code incidents}, read as Statuspage incidents. Rootly lists no components there.
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
        String pageUrl = text(root.path("page").path("url"));
        List<OfficialIncident> incidents = StatuspageParser.incidents(provider, root.path("incidents"), pageUrl,
                DOCUMENT, false);
        return PlatformReading.reading(provider, fetchedAt, overall, text(root.path("status").path("description")),
                List.of(), incidents, Instant.MIN);
    }

}
