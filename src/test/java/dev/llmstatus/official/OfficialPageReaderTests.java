package dev.llmstatus.official;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Docs;
import dev.llmstatus.catalog.ProbeDefinition;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.catalog.StatusPageKind;
import dev.llmstatus.catalog.StatusPageSource;
import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusRules;

import static org.assertj.core.api.Assertions.assertThat;

class OfficialPageReaderTests {

    private static ProviderSimulator simulator;

    private static ExecutorService executor;

    private static OfficialPageReader reader;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start();
        executor = Executors.newFixedThreadPool(2);
        reader = new OfficialPageReader(HttpClient.newBuilder().executor(executor).build(), "llmstatus-test",
                Duration.ofSeconds(5), Duration.ofDays(30), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        simulator.close();
        executor.shutdownNow();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            operational,          OPERATIONAL
            degraded_performance, DEGRADED_PERFORMANCE
            partial_outage,       PARTIAL_OUTAGE
            major_outage,         MAJOR_OUTAGE
            under_maintenance,    UNDER_MAINTENANCE
            something_new,        UNKNOWN
            """)
    void statuspageComponentWordsAreKept(String word, OfficialLevel expected) {
        assertThat(OfficialLevel.component(word)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            none,        OPERATIONAL
            minor,       DEGRADED_PERFORMANCE
            major,       PARTIAL_OUTAGE
            critical,    MAJOR_OUTAGE
            maintenance, UNDER_MAINTENANCE
            purple,      UNKNOWN
            """)
    void statuspageIndicatorsAreReadAsLevels(String word, OfficialLevel expected) {
        assertThat(OfficialLevel.indicator(word)).isEqualTo(expected);
        if (expected.known()) {
            assertThat(expected.indicator()).isEqualTo(word);
        }
    }

    static Stream<Arguments> unreadablePages() {
        return Stream.of(Arguments.of("HTTP 500", Behaviour.status(500), "HTTP 500"),
                Arguments.of("hang", Behaviour.hang(), "no answer within 5000 ms"),
                Arguments.of("malformed JSON", Behaviour.malformedJson(), "not valid JSON"),
                Arguments.of("wrong shape", Behaviour.status(200, "application/json", "{\"hello\":\"world\"}"),
                        "no status.indicator"),
                Arguments.of("a list", Behaviour.status(200, "application/json", "[1,2]"), "not a JSON object"),
                Arguments.of("unknown indicator",
                        Behaviour.status(200, "application/json",
                                "{\"status\":{\"indicator\":\"purple\"},\"components\":[]}"),
                        "unknown indicator"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadablePages")
    void unreadablePageIsUnknownWithTheReasonNeverOperational(String name, Behaviour behaviour, String error) {
        String path = "/bad/" + name.replaceAll("\\W+", "-") + "/api/v2/summary.json";
        simulator.set(path, behaviour);
        OfficialStatus status = reader.read(provider(StatusPageKind.STATUSPAGE, simulator.uri(path), null)).join();
        assertThat(status.overall()).isEqualTo(OfficialLevel.UNKNOWN);
        assertThat(status.error()).startsWith("example.com (Atlassian Statuspage): ").contains(error);
        assertThat(status.readable()).isFalse();
    }

    @Test
    void unreachablePageIsUnknown() {
        OfficialStatus status = reader
            .read(provider(StatusPageKind.STATUSPAGE, URI.create("http://nonexistent.invalid/api/v2/summary.json"),
                    null))
            .join();
        assertThat(status.overall()).isEqualTo(OfficialLevel.UNKNOWN);
        assertThat(status.error()).isEqualTo("example.com (Atlassian Statuspage): its host name does not resolve");
    }

    @Test
    void partialSummaryIsCompletedFromComponentsJson() {
        simulator.set("/partial/api/v2/summary.json", Behaviour.status(200, "application/json",
                ProviderSimulator.statuspageSummary("https://status.example", Map.of("Website", "operational"), null,
                        Instant.now())));
        simulator.set("/partial/api/v2/components.json", Behaviour.status(200, "application/json",
                ProviderSimulator.statuspageComponents(Map.of("Website", "operational", "API", "major_outage"))));
        OfficialStatus status = reader
            .read(provider(StatusPageKind.STATUSPAGE, simulator.uri("/partial/api/v2/summary.json"), null))
            .join();
        assertThat(status.error()).isNull();
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.level("API")).isEqualTo(OfficialLevel.MAJOR_OUTAGE);
    }

    @Test
    void recentlyResolvedIncidentsComeFromIncidentsJson() {
        simulator.set("/recent/api/v2/summary.json", Behaviour.status(200, "application/json",
                ProviderSimulator.statuspageSummary("https://status.example", Map.of("API", "operational"), null,
                        Instant.now())));
        Instant day = Instant.now().minus(Duration.ofDays(2));
        Instant old = Instant.now().minus(Duration.ofDays(45));
        simulator.set("/recent/api/v2/incidents.json", Behaviour.status(200, "application/json", """
                {"incidents":[
                 {"id":"r1","name":"Recent","status":"resolved","impact":"major","created_at":"%s","resolved_at":"%s",
                  "incident_updates":[{"status":"resolved","body":"Fixed.","display_at":"%s"}]},
                 {"id":"o1","name":"Old","status":"resolved","impact":"minor","created_at":"%s","resolved_at":"%s",
                  "incident_updates":[]}]}
                """.formatted(day, day.plusSeconds(60), day.plusSeconds(60), old, old.plusSeconds(60))));
        OfficialStatus status = reader
            .read(provider(StatusPageKind.STATUSPAGE, simulator.uri("/recent/api/v2/summary.json"), null))
            .join();
        assertThat(status.incidents()).singleElement().satisfies((incident) -> {
            assertThat(incident.externalId()).isEqualTo("r1");
            assertThat(incident.impact()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
            assertThat(incident.resolved()).isTrue();
            assertThat(incident.updates()).hasSize(1);
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            investigating only                 | <p><b>Investigating</b> - We are looking.</p>                                     | false
            resolved after investigating       | <p><b>Resolved</b> - Fixed.</p><p><b>Investigating</b> - Looking.</p>              | true
            monitoring after resolved mention  | <p><b>Monitoring</b> - A fix is out; not resolved yet.</p>                         | false
            no state word but resolved text    | <p>The problem was resolved at 10:00.</p>                                          | true
            no state word                      | <p>Some requests fail.</p>                                                         | false
            """)
    void feedEntryIsUnresolvedUnlessItsLatestTextSaysResolved(String name, String text, boolean resolved) {
        String xml = ProviderSimulator.atomFeed("https://status.example",
                new ProviderSimulator.FeedEntry("tag:1", "Incident", text, Instant.now().minusSeconds(60)));
        OfficialStatus status = FeedParser.parse("p", xml.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Instant.now(), Instant.now().minus(Duration.ofDays(30)));
        assertThat(status.incidents()).singleElement()
            .satisfies((incident) -> assertThat(incident.resolved()).isEqualTo(resolved));
        assertThat(status.overall()).isEqualTo(resolved ? OfficialLevel.OPERATIONAL : OfficialLevel.DEGRADED_PERFORMANCE);
    }

    @Test
    void malformedFeedIsUnknown() {
        simulator.set("/feed/broken.atom", Behaviour.status(200, "application/atom+xml", "<feed><entry>"));
        OfficialStatus status = reader.read(provider(StatusPageKind.FEED, null, simulator.uri("/feed/broken.atom")))
            .join();
        assertThat(status.overall()).isEqualTo(OfficialLevel.UNKNOWN);
        assertThat(status.error()).startsWith("example.com (an RSS/Atom feed): ").contains("not valid RSS or Atom");
    }

    @Test
    void pageBehindAChallengeSaysWhichPlatformAndWhy() {
        simulator.set("/rootly/api/v1/status.json", Behaviour.status(403, "text/html", "<html>Just a moment...</html>"));
        Provider mistral = new Provider("mistral", "Mistral", URI.create("https://mistral.ai"),
                URI.create("https://api.mistral.ai"), new Docs(URI.create("https://docs.mistral.ai"), null, null),
                new StatusPageSource(StatusPageKind.ROOTLY, URI.create("https://status.mistral.ai"),
                        simulator.uri("/rootly/api/v1/status.json"), null),
                List.of());
        OfficialStatus status = reader.read(mistral).join();
        assertThat(status.readable()).isFalse();
        assertThat(status.overall()).isEqualTo(OfficialLevel.UNKNOWN);
        assertThat(status.error()).isEqualTo("status.mistral.ai (Rootly): HTTP 403");
    }

    @Test
    void flashdutyPageIsReadOverHttp() {
        simulator.set("/flashduty/page.json", Behaviour.status(200, "application/json",
                new String(OfficialCapturesTests.bytes("deepseek-flashduty.json"), java.nio.charset.StandardCharsets.UTF_8)));
        URI api = simulator.uri("/flashduty/page.json");
        Provider deepseek = new Provider("deepseek", "DeepSeek", URI.create("https://deepseek.com"), api,
                new Docs(api, null, null), new StatusPageSource(StatusPageKind.FLASHDUTY, api, api, null), List.of());
        OfficialStatus status = reader.read(deepseek).join();
        assertThat(status.error()).isNull();
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.components()).hasSize(2);
    }

    @Test
    void flashdutySummaryActiveAnswerIsReadOverHttp() {
        // What status.deepseek.com/api/status-page/<page id>/summary/active answers: a data envelope, no history.
        simulator.set("/flashduty/summary/active", Behaviour.status(200, "application/json", new String(
                OfficialCapturesTests.bytes("deepseek-flashduty-summary-active.json"),
                java.nio.charset.StandardCharsets.UTF_8)));
        URI api = simulator.uri("/flashduty/summary/active");
        URI page = URI.create("https://status.deepseek.com");
        Provider deepseek = new Provider("deepseek", "DeepSeek", URI.create("https://deepseek.com"), api,
                new Docs(api, null, null), new StatusPageSource(StatusPageKind.FLASHDUTY, page, api, null), List.of());
        OfficialStatus status = reader.read(deepseek).join();
        assertThat(status.error()).isNull();
        assertThat(status.overall()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(status.level("DeepSeek V4 Flash API服务(API Service)")).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(status.level("DeepSeek V4 Pro API服务(API Service)")).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.incidents()).singleElement().satisfies((incident) -> {
            assertThat(incident.resolved()).isFalse();
            assertThat(incident.createdAt()).isEqualTo(Instant.ofEpochSecond(1788500000));
            assertThat(incident.updates()).extracting(OfficialIncident.Update::state)
                .containsExactly("identified", "investigating");
            assertThat(incident.link()).hasToString("https://status.deepseek.com/incident/7712034");
        });
    }

    @Test
    void sharedPageCountsOnlyTheProvidersOwnComponentsForItsHeadline() {
        // Cloudflare's page says "minor" for its Tunnel and WARP incidents while Replicate's component is fine.
        OfficialStatus whole = reader.read(replicate("/cf-whole", "cloudflare-replicate-quiet.json", List.of())).join();
        assertThat(whole.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        OfficialStatus quiet = reader.read(replicate("/cf-quiet", "cloudflare-replicate-quiet.json",
                List.of("Replicate"))).join();
        assertThat(quiet.error()).isNull();
        assertThat(quiet.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(quiet.components()).extracting(OfficialComponent::name).containsExactly("Replicate");
        assertThat(quiet.incidents()).isEmpty();
        assertThat(quiet.maintenances()).isEmpty();
        assertThat(quiet.description()).isEqualTo("Replicate on this shared page: operational");
        assertThat(StatusRules.officialLevel(quiet, Instant.now(), Duration.ofMinutes(10)))
            .isEqualTo(Status.OPERATIONAL);
        assertThat(StatusRules.officialLevel(whole, Instant.now(), Duration.ofMinutes(10))).isEqualTo(Status.DEGRADED);
    }

    @Test
    void sharedPageKeepsTheIncidentsThatNameTheProvidersComponents() {
        OfficialStatus status = reader.read(replicate("/cf-incident", "cloudflare-replicate-incident.json",
                List.of("Replicate"))).join();
        assertThat(status.error()).isNull();
        assertThat(status.overall()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(status.incidents()).extracting(OfficialIncident::name)
            .containsExactly("Replicate predictions failing to start");
        assertThat(status.incidents().get(0).link()).hasToString("https://www.cloudflarestatus.com/incidents/r3pl1c8te0ab");
        assertThat(status.level("Replicate")).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
    }

    @Test
    void sharedPageKeptToAGroupCountsItsChildren() {
        OfficialStatus status = reader.read(replicate("/cf-group", "cloudflare-replicate-quiet.json",
                List.of("North America"))).join();
        assertThat(status.error()).isNull();
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.components()).extracting(OfficialComponent::name)
            .containsExactly("North America", "Ashburn, VA, United States - (IAD)");
        assertThat(status.maintenances()).extracting(OfficialIncident::name).containsExactly("IAD (Ashburn) on 2026-09-14");
    }

    @Test
    void sharedPageWithoutTheProvidersComponentIsUnknownNotOperational() {
        OfficialStatus status = reader.read(replicate("/cf-missing", "cloudflare-summary-group.json",
                List.of("Replicate"))).join();
        assertThat(status.overall()).isEqualTo(OfficialLevel.UNKNOWN);
        assertThat(status.error()).contains("(Atlassian Statuspage)", "the page lists no component named Replicate");
    }

    private static Provider replicate(String path, String fixture, List<String> filter) {
        simulator.set(path + "/api/v2/summary.json", Behaviour.status(200, "application/json",
                new String(OfficialCapturesTests.bytes(fixture), java.nio.charset.StandardCharsets.UTF_8)));
        URI api = simulator.uri(path + "/api/v2/summary.json");
        URI site = URI.create("https://replicate.com");
        return new Provider("replicate", "Replicate", site, site, new Docs(site, null, null),
                new StatusPageSource(StatusPageKind.STATUSPAGE, URI.create("https://www.cloudflarestatus.com"), api,
                        null, filter),
                List.of(new Component("api", "HTTP API", "Replicate", new ProbeDefinition("GET", site,
                        java.util.Set.of(401), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60)))));
    }

    private static Provider provider(StatusPageKind kind, URI api, URI feed) {
        URI site = URI.create("https://example.com");
        return new Provider("p", "P", site, site, new Docs(site, null, null),
                new StatusPageSource(kind, site, api, feed),
                List.of(new Component("api", "API", "API", new ProbeDefinition("GET", site, java.util.Set.of(200),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(60)))));
    }

}
