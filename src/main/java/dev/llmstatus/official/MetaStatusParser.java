package dev.llmstatus.official;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import static dev.llmstatus.official.OfficialJson.text;

/**
 * Reads Meta's public status JSON ({@code GET https://api.meta.ai/v1/status}, no key), the document behind
 * ai.developer.meta.com/status: {@code is_alive}, {@code service_status} ({@code operational, degraded, outage}),
 * {@code service_message}, {@code updated_at}, {@code model_statuses} (each an {@code id} and a {@code status} of the
 * same words) and {@code incident_history}. On a quiet day the message and time are empty strings and the model list
 * is empty.
 * <p>
 * The incident history gives each incident a date without a time, so it is not turned into incidents: a start at
 * midnight would be a time the page never said.
 */
final class MetaStatusParser {

    private static final String DOCUMENT = "the status JSON";

    private MetaStatusParser() {
    }

    static OfficialStatus parse(String provider, byte[] json, Instant fetchedAt) {
        JsonNode root = OfficialJson.object(json, DOCUMENT);
        JsonNode alive = root.path("is_alive");
        String service = text(root.path("service_status"));
        if (!alive.isBoolean() || service == null) {
            throw new MalformedPageException(DOCUMENT + " has no is_alive or service_status");
        }
        OfficialLevel level = level(service);
        if (!level.known()) {
            throw new MalformedPageException(DOCUMENT + " has an unknown service_status '" + service + "'");
        }
        // Not serving requests is an outage whatever the status word says.
        OfficialLevel overall = alive.asBoolean() ? level : OfficialLevel.MAJOR_OUTAGE;
        List<OfficialComponent> models = new ArrayList<>();
        for (JsonNode model : root.path("model_statuses")) {
            String id = text(model.path("id"));
            if (id != null) {
                models.add(OfficialComponent.of(id, level(text(model.path("status")))));
            }
        }
        String message = text(root.path("service_message"));
        return PlatformReading.reading(provider, fetchedAt, overall, (message != null) ? message : overall.label(),
                models, List.of(), Instant.MIN);
    }

    /** Meta's status word; any other is unknown. */
    private static OfficialLevel level(String word) {
        return switch ((word != null) ? word.toLowerCase(Locale.ROOT) : "") {
            case "operational" -> OfficialLevel.OPERATIONAL;
            case "degraded" -> OfficialLevel.DEGRADED_PERFORMANCE;
            case "outage" -> OfficialLevel.MAJOR_OUTAGE;
            default -> OfficialLevel.UNKNOWN;
        };
    }

}
