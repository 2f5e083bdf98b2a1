package dev.llmstatus.official;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.llmstatus.official.OfficialCapturesTests.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The readers of Better Stack, Instatus, Rootly, Meta's status JSON, Google Cloud and AWS Health on fixtures shaped like real documents
 * of each platform (see src/test/resources/official/README.md).
 */
class OfficialPlatformsTests {

    private static final Instant NOW = Instant.parse("2026-10-12T10:05:00Z");

    private static final Instant MONTH_AGO = NOW.minus(Duration.ofDays(30));

    // Better Stack

    @Test
    void betterStackResourcesAreComponentsGroupedBySectionAndUnwatchedOnesAreLeftOut() {
        OfficialStatus status = betterStack();
        assertThat(status.error()).isNull();
        assertThat(status.components()).extracting(OfficialComponent::name, OfficialComponent::group,
                OfficialComponent::level)
            .containsExactly(
                    tuple("Chat Completions API", "Inference",
                            OfficialLevel.MAJOR_OUTAGE),
                    tuple("Embeddings API", "Inference", OfficialLevel.OPERATIONAL),
                    tuple("Dashboard", "Platform", OfficialLevel.OPERATIONAL));
    }

    @Test
    void betterStackDowntimeOfOneResourceInThreeIsAPartialOutageOfThePage() {
        assertThat(betterStack().overall()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
    }

    @Test
    void betterStackReportStartsAtItsFirstUpdateWithEveryUpdateTimed() {
        OfficialIncident open = betterStack().incidents().get(0);
        assertThat(open.name()).isEqualTo("Elevated error rates on chat completions");
        assertThat(open.resolved()).isFalse();
        assertThat(open.state()).isEqualTo("investigating");
        assertThat(open.createdAt()).isEqualTo("2026-10-12T09:05:00Z");
        assertThat(open.impact()).isEqualTo(OfficialLevel.MAJOR_OUTAGE);
        assertThat(open.components()).containsExactly("Chat Completions API");
        assertThat(open.updates()).extracting(OfficialIncident.Update::state, OfficialIncident.Update::at)
            .containsExactly(tuple("update", Instant.parse("2026-10-12T09:31:00Z")),
                    tuple("investigating", Instant.parse("2026-10-12T09:05:00Z")));
        assertThat(open.updates().get(0).body()).isEqualTo(
                "Requests to Llama models are failing.<br>We have identified the cause and are rolling back.");
        assertThat(open.link()).hasToString("https://status.together.ai/incident/1102233");
    }

    @Test
    void betterStackResolvedReportEndsAtItsLastUpdateThoughEndsAtIsNull() {
        OfficialIncident resolved = betterStack().incidents().get(1);
        assertThat(resolved.name()).isEqualTo("Delayed fine-tuning jobs");
        assertThat(resolved.state()).isEqualTo("resolved");
        assertThat(resolved.createdAt()).isEqualTo("2026-10-08T14:20:00Z");
        assertThat(resolved.resolvedAt()).isEqualTo("2026-10-08T16:02:00Z");
        assertThat(resolved.updates().get(0).state()).isEqualTo("resolved");
        assertThat(resolved.impact()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
    }

    @Test
    void betterStackMaintenanceReportIsUpcomingMaintenanceWithItsWindow() {
        OfficialStatus status = betterStack();
        assertThat(status.incidents()).noneMatch(OfficialIncident::maintenance);
        OfficialIncident next = status.upcomingMaintenances().get(0);
        assertThat(next.name()).isEqualTo("Dashboard database upgrade");
        assertThat(next.state()).isEqualTo("scheduled");
        assertThat(next.scheduledFor()).isEqualTo("2026-10-14T06:00:00Z");
        assertThat(next.scheduledUntil()).isEqualTo("2026-10-14T07:30:00Z");
        assertThat(next.components()).containsExactly("Dashboard");
        OfficialStatus during = BetterStackParser.parse("together-ai", bytes("together-betterstack-index.json"),
                URI.create("https://status.together.ai"), Instant.parse("2026-10-14T06:30:00Z"), MONTH_AGO);
        assertThat(during.maintenancesInProgress()).extracting(OfficialIncident::name)
            .containsExactly("Dashboard database upgrade");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            operational,   OPERATIONAL
            degraded,      DEGRADED_PERFORMANCE
            downtime,      MAJOR_OUTAGE
            maintenance,   UNDER_MAINTENANCE
            not_monitored, UNKNOWN
            """)
    void betterStackWordsAreReadAsLevels(String word, OfficialLevel level) {
        assertThat(BetterStackParser.level(word)).isEqualTo(level);
    }

    @Test
    void betterStackDocumentOfAnotherShapeSaysWhatIsWrong() {
        assertThatThrownBy(() -> BetterStackParser.parse("p", "{\"data\":{\"type\":\"page\"}}".getBytes(
                StandardCharsets.UTF_8), null, NOW, MONTH_AGO))
            .isInstanceOf(MalformedPageException.class)
            .hasMessage("index.json has no data of type status_page");
        assertThatThrownBy(() -> BetterStackParser.parse("p",
                "{\"data\":{\"type\":\"status_page\",\"attributes\":{\"aggregate_state\":\"purple\"}}}"
                    .getBytes(StandardCharsets.UTF_8),
                null, NOW, MONTH_AGO))
            .hasMessage("index.json has an unknown aggregate_state 'purple'");
    }

    // Google Cloud

    @Test
    void googleCloudIsKeptToOurProductsAndOpenDisruptionDegradesIt() {
        OfficialStatus status = googleCloud();
        assertThat(status.incidents()).extracting(OfficialIncident::externalId)
            .containsExactly("qV4kBx2Rt8uNcW7ZaHm1", "Lw0rTq5YhCx8VbN3mZs4", "aT9pLm3Qs0dFgH6JkE2w");
        assertThat(status.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(status.components()).containsExactly(
                OfficialComponent.of("Vertex Gemini API", OfficialLevel.DEGRADED_PERFORMANCE));
        assertThat(status.description()).isEqualTo("2 open incidents for Vertex Gemini API");
    }

    @Test
    void googleCloudIncidentHasItsTimelineFromFirstUpdateAndItsPage() {
        OfficialIncident open = googleCloud().incidents().get(0);
        assertThat(open.name())
            .isEqualTo("Vertex Gemini API customers are experiencing elevated error rates in us-central1");
        assertThat(open.createdAt()).isEqualTo("2026-10-12T08:47:00Z");
        assertThat(open.resolved()).isFalse();
        assertThat(open.updates()).extracting(OfficialIncident.Update::state)
            .containsExactly("update", "investigating");
        assertThat(open.updates().get(0).text()).contains("Retry with exponential backoff").doesNotContain("**");
        assertThat(open.link()).hasToString("https://status.cloud.google.com/incidents/qV4kBx2Rt8uNcW7ZaHm1");
    }

    @Test
    void googleCloudIncidentEndsAtItsEndAndAvailableUpdateResolvesIt() {
        OfficialIncident resolved = googleCloud().incidents().get(2);
        assertThat(resolved.resolvedAt()).isEqualTo("2026-10-05T19:44:00Z");
        assertThat(resolved.impact()).isEqualTo(OfficialLevel.MAJOR_OUTAGE);
        assertThat(resolved.components()).containsExactly("Vertex Gemini API");
        assertThat(resolved.updates()).extracting(OfficialIncident.Update::state)
            .containsExactly("resolved", "investigating");
    }

    @Test
    void googleCloudInformationIsShownButDoesNotDegradeTheProduct() {
        JsonNode all = JsonMapper.builder().build().readTree(bytes("gcp-incidents.json"));
        byte[] informationOnly = ("[" + all.get(3) + "]").getBytes(StandardCharsets.UTF_8);
        OfficialStatus status = GoogleCloudParser.parse("p", informationOnly, List.of("Z0FZJAMvEB4j3NbCJs6B"),
                URI.create("https://status.cloud.google.com/incidents.json"), NOW, MONTH_AGO);
        assertThat(status.incidents()).singleElement().satisfies((information) -> {
            assertThat(information.name()).isEqualTo("Gemini 1.5 models are no longer served on Vertex Gemini API");
            assertThat(information.impact()).isEqualTo(OfficialLevel.UNKNOWN);
            assertThat(information.resolved()).isFalse();
        });
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.level("Z0FZJAMvEB4j3NbCJs6B")).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(GoogleCloudParser.parse("p", "[]".getBytes(StandardCharsets.UTF_8), List.of("Vertex Gemini API"),
                null, NOW, MONTH_AGO).overall()).isEqualTo(OfficialLevel.OPERATIONAL);
    }

    // AWS Health

    @Test
    void awsUtf16EventsAreKeptToTheCatalogsServiceAndRegion() {
        OfficialStatus status = aws(List.of("bedrock-us-east-1"));
        assertThat(status.error()).isNull();
        assertThat(status.incidents()).singleElement().satisfies((event) -> {
            assertThat(event.name()).isEqualTo("Increased Error Rates");
            assertThat(event.createdAt()).isEqualTo("2026-10-12T09:06:00Z");
            assertThat(event.resolved()).isFalse();
            assertThat(event.impact()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
            assertThat(event.components()).containsExactly("Amazon Bedrock (us-east-1)");
            assertThat(event.updates()).extracting(OfficialIncident.Update::state)
                .containsExactly("update", "investigating");
            assertThat(event.updates().get(0).text()).startsWith("We have identified the cause");
            assertThat(event.publicId()).matches("[0-9a-f]{12}");
        });
        assertThat(status.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(status.components())
            .containsExactly(OfficialComponent.of("Amazon Bedrock (us-east-1)", OfficialLevel.DEGRADED_PERFORMANCE));
    }

    @Test
    void awsServiceCodeWithoutRegionTakesEveryRegionsEventsIncludingImpactedServices() {
        OfficialStatus status = aws(List.of("bedrock"));
        assertThat(status.incidents()).hasSize(2);
        assertThat(status.components()).extracting(OfficialComponent::name)
            .containsExactlyInAnyOrder("Amazon Bedrock (us-east-1)", "Amazon Bedrock (me-central-1)");
        assertThat(status.overall()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(aws(List.of("lambda")).incidents()).isEmpty();
        assertThat(aws(List.of("lambda")).overall()).isEqualTo(OfficialLevel.OPERATIONAL);
    }

    @Test
    void awsBodyWithoutBomIsReadAsUtf8AndAnObjectIsRefused() {
        assertThat(AwsHealthParser.parse("p", "[]".getBytes(StandardCharsets.UTF_8), List.of("bedrock"), NOW,
                MONTH_AGO).overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThatThrownBy(() -> AwsHealthParser.parse("p", "{\"events\":[]}".getBytes(StandardCharsets.UTF_16),
                List.of("bedrock"), NOW, MONTH_AGO))
            .isInstanceOf(MalformedPageException.class)
            .hasMessage("the AWS Health events is not a JSON list");
    }

    // Instatus

    @Test
    void instatusPageWithIssuesIsAsBadAsItsWorstIncidentOrComponent() {
        OfficialStatus status = InstatusParser.parse("perplexity", bytes("perplexity-instatus-summary.json"),
                bytes("perplexity-instatus-components.json"), NOW);
        assertThat(status.overall()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(status.level("Sonar API")).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(status.level("API")).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(status.byGroup()).containsOnlyKeys("API", "");
        OfficialIncident open = status.incidents().get(0);
        assertThat(open.name()).isEqualTo("Sonar API returning errors");
        assertThat(open.state()).isEqualTo("identified");
        assertThat(open.createdAt()).isEqualTo("2026-10-12T09:14:03.221Z");
        assertThat(open.link()).hasToString("https://status.perplexity.com/incident/cmg8r2k4x00q1l20b7hz9u6nd");
    }

    @Test
    void instatusMaintenanceNotStartedIsUpcomingWithItsDurationAsWindow() {
        OfficialStatus status = InstatusParser.parse("perplexity", bytes("perplexity-instatus-summary.json"), null,
                NOW);
        OfficialIncident next = status.upcomingMaintenances().get(0);
        assertThat(next.state()).isEqualTo("scheduled");
        assertThat(next.scheduledFor()).isEqualTo("2026-10-15T02:00:00Z");
        assertThat(next.scheduledUntil()).isEqualTo("2026-10-15T03:30:00Z");
        assertThat(status.components()).isEmpty();
        assertThat(status.overall()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
    }

    @Test
    void instatusPageUpWithoutIncidentKeysIsOperational() {
        OfficialStatus status = InstatusParser.parse("perplexity", bytes("perplexity-instatus-up.json"),
                ("[{\"name\":\"API\",\"status\":\"OPERATIONAL\",\"isParent\":true,\"children\":[{\"name\":\"Sonar\","
                        + "\"status\":\"DEGRADEDPERFORMANCE\"}]}]").getBytes(StandardCharsets.UTF_8),
                NOW);
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.incidents()).isEmpty();
        assertThat(status.components()).containsExactly(
                new OfficialComponent("Sonar", "API", OfficialLevel.DEGRADED_PERFORMANCE, false));
        assertThatThrownBy(() -> InstatusParser.parse("p", "{\"page\":{}}".getBytes(StandardCharsets.UTF_8), null,
                NOW))
            .hasMessage("summary.json has no page.status");
    }

    // Rootly

    @Test
    void rootlyIndicatorIsThePagesLevelAndItsIncidentsKeepTheirTimeline() {
        OfficialStatus status = RootlyParser.parse("mistral", bytes("mistral-rootly-status.json"), NOW);
        assertThat(status.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(status.description()).isEqualTo("Minor Service Outage");
        OfficialIncident open = status.incidents().get(0);
        // Rootly's incidents have no id: the last segment of their url is one.
        assertThat(open.externalId()).isEqualTo("9b3f6c1e-52d0-4c7a-b1e8-0f4d2a7c9e31");
        assertThat(open.link()).hasToString(
                "https://status.mistral.ai/incidents/9b3f6c1e-52d0-4c7a-b1e8-0f4d2a7c9e31");
        assertThat(open.createdAt()).isEqualTo("2026-10-12T09:12:00Z");
        assertThat(open.impact()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        // Rootly's own "started" is not a Statuspage state: the newest update's word is.
        assertThat(open.state()).isEqualTo("identified");
        assertThat(open.resolved()).isFalse();
        assertThat(open.updates()).extracting(OfficialIncident.Update::state)
            .containsExactly("identified", "investigating");
        assertThat(open.updates()).extracting(OfficialIncident.Update::at)
            .containsExactly(Instant.parse("2026-10-12T09:50:00Z"), Instant.parse("2026-10-12T09:20:00Z"));
        assertThat(open.updates().get(1).body()).contains("elevated latency on chat completions");
    }

    @Test
    void rootlyQuietPageWithItsLocalOffsetAndNoPageUrlIsOperational() {
        OfficialStatus status = RootlyParser.parse("mistral", bytes("mistral-rootly-quiet.json"), NOW);
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.description()).isEqualTo("All Systems Operational");
        assertThat(status.incidents()).isEmpty();
        assertThat(status.components()).isEmpty();
    }

    @Test
    void rootlyIncidentWithoutUpdatesTakesItsStateFromRootlysStatus() {
        String json = """
                {"status":{"indicator":"major","description":"Partial System Outage"},
                 "incidents":[{"name":"Batch API down","status":"mitigated","impact":"major",
                   "started_at":"2026-10-12T07:00:00Z","resolved_at":null,
                   "url":"https://status.example.com/incidents/abc123","incident_updates":[]}]}
                """;
        OfficialIncident incident = RootlyParser.parse("p", json.getBytes(StandardCharsets.UTF_8), NOW)
            .incidents()
            .get(0);
        assertThat(incident.externalId()).isEqualTo("abc123");
        assertThat(incident.state()).isEqualTo("monitoring");
        assertThat(incident.impact()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(incident.createdAt()).isEqualTo("2026-10-12T07:00:00Z");
    }

    @Test
    void rootlyPageWithoutIndicatorOrWithANamelessIncidentIsMalformed() {
        assertThatThrownBy(() -> RootlyParser.parse("p", "{\"status\":{}}".getBytes(StandardCharsets.UTF_8), NOW))
            .hasMessage("status.json has no status.indicator");
        String nameless = """
                {"status":{"indicator":"minor"},"incidents":[{"status":"started","started_at":"2026-10-12T07:00:00Z",
                  "url":"https://status.example.com/incidents/abc123"}]}
                """;
        assertThatThrownBy(() -> RootlyParser.parse("p", nameless.getBytes(StandardCharsets.UTF_8), NOW))
            .isInstanceOf(MalformedPageException.class)
            .hasMessage("status.json has an incident without name, url or start");
    }

    // Meta's status JSON

    @Test
    void metaQuietDayWithEmptyStringsIsOperational() {
        OfficialStatus status = MetaStatusParser.parse("meta-llama", bytes("meta-status-quiet.json"), NOW);
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.description()).isEqualTo("Operational");
        assertThat(status.components()).isEmpty();
        assertThat(status.incidents()).isEmpty();
    }

    @Test
    void metaDegradedServiceKeepsItsMessageAndOneComponentPerModel() {
        OfficialStatus status = MetaStatusParser.parse("meta-llama", bytes("meta-status-degraded.json"), NOW);
        assertThat(status.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(status.description()).isEqualTo("Higher error rates on one model; we are working on it.");
        assertThat(status.components()).containsExactly(
                OfficialComponent.of("Llama-4-Maverick-17B-128E-Instruct-FP8", OfficialLevel.MAJOR_OUTAGE),
                OfficialComponent.of("Llama-3.3-70B-Instruct", OfficialLevel.OPERATIONAL));
        // The history has dates without times: no incident with an invented start.
        assertThat(status.incidents()).isEmpty();
    }

    @Test
    void metaNotAliveIsAnOutageWhateverTheStatusWordSays() {
        String json = "{\"is_alive\":false,\"service_status\":\"operational\"}";
        OfficialStatus status = MetaStatusParser.parse("p", json.getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(status.overall()).isEqualTo(OfficialLevel.MAJOR_OUTAGE);
        assertThat(status.description()).isEqualTo("Major outage");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"service_status":"operational"}                    | the status JSON has no is_alive or service_status
            {"is_alive":true}                                   | the status JSON has no is_alive or service_status
            {"is_alive":"yes","service_status":"operational"}   | the status JSON has no is_alive or service_status
            {"is_alive":true,"service_status":"wobbly"}         | the status JSON has an unknown service_status 'wobbly'
            """)
    void metaBodyWithoutAHealthSignalIsMalformedNeverGreen(String json, String message) {
        assertThatThrownBy(() -> MetaStatusParser.parse("p", json.getBytes(StandardCharsets.UTF_8), NOW))
            .isInstanceOf(MalformedPageException.class)
            .hasMessage(message);
    }

    private static OfficialStatus betterStack() {
        return BetterStackParser.parse("together-ai", bytes("together-betterstack-index.json"),
                URI.create("https://status.together.ai"), NOW, MONTH_AGO);
    }

    private static OfficialStatus googleCloud() {
        return GoogleCloudParser.parse("google-gemini", bytes("gcp-incidents.json"), List.of("Vertex Gemini API"),
                URI.create("https://status.cloud.google.com/incidents.json"), NOW, MONTH_AGO);
    }

    private static OfficialStatus aws(List<String> services) {
        return AwsHealthParser.parse("aws-bedrock", bytes("aws-currentevents.json"), services, NOW, MONTH_AGO);
    }

}
