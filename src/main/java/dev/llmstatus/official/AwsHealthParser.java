package dev.llmstatus.official;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import static dev.llmstatus.official.OfficialJson.seconds;
import static dev.llmstatus.official.OfficialJson.text;

/**
 * Reads the AWS Health Dashboard's public {@code currentevents}: a list of the events open now across all of AWS,
 * served as UTF-16 with a byte order mark. Kept to the services the catalog names (an AWS service code such as
 * {@code bedrock}, matched against the event's {@code service}, like {@code bedrock-us-east-1}, and the keys of its
 * {@code impacted_services}). Status codes are strings at the top level and numbers in {@code event_log}:
 * {@code 0} operating normally, {@code 1} informational, {@code 2} degraded, {@code 3} disrupted. Times are epoch
 * seconds. AWS links no event to a page of its own.
 */
final class AwsHealthParser {

    private static final String DOCUMENT = "the AWS Health events";

    private static final Pattern ARN_REGION = Pattern.compile("^arn:aws:health:([a-z0-9-]*):");

    private AwsHealthParser() {
    }

    static OfficialStatus parse(String provider, byte[] body, List<String> services, Instant fetchedAt,
            Instant recentSince) {
        JsonNode events = OfficialJson.list(utf8(body), DOCUMENT);
        List<OfficialIncident> incidents = new ArrayList<>();
        for (JsonNode event : events) {
            Set<String> components = new LinkedHashSet<>();
            String region = region(event);
            if (ours(text(event.path("service")), services)) {
                components.add(named(text(event.path("service_name")), region));
            }
            for (Map.Entry<String, JsonNode> impacted : event.path("impacted_services").properties()) {
                if (ours(impacted.getKey(), services)) {
                    components.add(named(text(impacted.getValue().path("service_name")), region));
                }
            }
            OfficialIncident incident = components.isEmpty() ? null
                    : event(provider, event, List.copyOf(components));
            if (incident != null) {
                incidents.add(incident);
            }
        }
        return PlatformReading.shared(provider, fetchedAt, List.of(), services, incidents, "current event",
                recentSince);
    }

    private static OfficialIncident event(String provider, JsonNode event, List<String> components) {
        String arn = text(event.path("arn"));
        Instant date = seconds(event.path("date"));
        List<PlatformReading.Entry> entries = new ArrayList<>();
        for (JsonNode log : event.path("event_log")) {
            String summary = text(log.path("summary"));
            String message = text(log.path("message"));
            entries.add(new PlatformReading.Entry(code(log.path("status")) == 0 ? "resolved" : null,
                    OfficialHtml.fromText((message != null) ? message : summary), seconds(log.path("timestamp"))));
        }
        int status = code(event.path("status"));
        boolean ended = status == 0;
        List<OfficialIncident.Update> timeline = PlatformReading.timeline(entries, false, ended);
        Instant begin = PlatformReading.began(date, timeline);
        String title = text(event.path("summary"));
        if (begin == null || title == null) {
            return null;
        }
        String id = (arn != null) ? arn : text(event.path("service")) + "@" + begin.getEpochSecond();
        Instant last = timeline.isEmpty() ? null : timeline.get(0).at();
        return new OfficialIncident(provider, id, title, level(status), ended ? "resolved" : "investigating", begin,
                ended ? ((last != null) ? last : begin) : null, null, components, timeline);
    }

    private static boolean ours(String service, List<String> services) {
        if (service == null) {
            return false;
        }
        String lower = service.toLowerCase(Locale.ROOT);
        return services.stream()
            .map((wanted) -> wanted.toLowerCase(Locale.ROOT))
            .anyMatch((wanted) -> lower.equals(wanted) || lower.startsWith(wanted + "-"));
    }

    /** The region code, from the ARN ({@code arn:aws:health:us-east-1::event/...}); empty for global events. */
    private static String region(JsonNode event) {
        String arn = text(event.path("arn"));
        Matcher matcher = (arn != null) ? ARN_REGION.matcher(arn) : null;
        return (matcher != null && matcher.find()) ? matcher.group(1) : "";
    }

    private static String named(String serviceName, String region) {
        String name = (serviceName != null) ? serviceName : "AWS service";
        return region.isEmpty() ? name : name + " (" + region + ")";
    }

    private static int code(JsonNode node) {
        String text = node.isNumber() ? node.asString() : text(node);
        return (text != null && text.matches("\\d")) ? Integer.parseInt(text) : -1;
    }

    /** AWS's status codes; informational and unknown codes say nothing against the service. */
    static OfficialLevel level(int code) {
        return switch (code) {
            case 0 -> OfficialLevel.OPERATIONAL;
            case 2 -> OfficialLevel.DEGRADED_PERFORMANCE;
            case 3 -> OfficialLevel.PARTIAL_OUTAGE;
            default -> OfficialLevel.UNKNOWN;
        };
    }

    /** The body as UTF-8: AWS serves UTF-16 with a byte order mark; a body without one is taken as UTF-8. */
    static byte[] utf8(byte[] body) {
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE).getBytes(StandardCharsets.UTF_8);
        }
        if (body.length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE).getBytes(StandardCharsets.UTF_8);
        }
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return Arrays.copyOfRange(body, 3, body.length);
        }
        return body;
    }

}
