package dev.llmstatus.probe;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.Provider;
import dev.llmstatus.catalog.StatusPageKind;
import dev.llmstatus.catalog.StatusPageSource;
import dev.llmstatus.status.ComponentState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.support.InMemoryProbeHistory;
import dev.llmstatus.support.MutableClock;
import dev.llmstatus.support.ProbeScript;
import dev.llmstatus.support.ScriptedHistoryConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our Statuspage-compatible API (package {@code dev.llmstatus.api}) read by the prober's own Statuspage reader, the
 * one it points at real Atlassian and incident.io pages. Lives here because that reader is package-private.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "llmstatus.probe.enabled=false", "llmstatus.status.rebuild-interval=1h" })
@Import(ScriptedHistoryConfiguration.class)
class StatuspageCompatibilityIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    StatusEngine engine;

    @Autowired
    ProbeScript probes;

    @Autowired
    InMemoryProbeHistory history;

    @Autowired
    MutableClock clock;

    @BeforeEach
    void script() {
        this.probes.reset();
        this.probes.run(3, Set.of(), Set.of("iflytek-spark", "openai/web"));
        this.engine.rebuild();
        this.probes.run(3, Set.of("stepfun/api"), Set.of("iflytek-spark", "openai/web"));
        this.history.official(officialIncident(this.clock.instant()));
        this.engine.rebuild();
    }

    @Test
    void statuspageShapedJsonIsReadBackByTheSameParserTheProberUsesForRealStatuspagePages() throws Exception {
        StatusSnapshot snapshot = this.engine.current();

        StatuspageParser.Summary site = StatuspageParser.summary("llmstatus", get("/api/v1/summary.json"));
        assertThat(site.overall()).isEqualTo(Status.PARTIAL_OUTAGE);
        Map<String, Status> providerLevels = new LinkedHashMap<>();
        snapshot.providers().forEach((provider) -> providerLevels.put(provider.name(), provider.level()));
        assertThat(site.components()).containsExactlyEntriesOf(providerLevels);
        assertThat(site.components()).containsEntry("iFlytek Spark", Status.UNKNOWN);
        assertThat(site.unresolved()).extracting(OfficialIncident::name)
            .contains("StepFun: partial outage of API", "Elevated errors on Claude API");

        for (ProviderState provider : snapshot.providers()) {
            StatuspageParser.Summary summary = StatuspageParser.summary(provider.slug(),
                    get("/api/v1/providers/" + provider.slug() + "/summary.json"));
            Map<String, Status> levels = new LinkedHashMap<>();
            provider.components().forEach((component) -> levels.put(component.component().name(), component.level()));
            assertThat(summary.components()).as(provider.slug()).containsExactlyEntriesOf(levels);
            assertThat(summary.overall()).as(provider.slug())
                .isEqualTo(provider.level().known() ? provider.level() : Status.OPERATIONAL);
            assertThat(summary.pageUrl()).isEqualTo("http://localhost:8080/status/" + provider.slug());
            assertThat(summary.unresolved()).extracting(OfficialIncident::name)
                .containsExactlyInAnyOrderElementsOf(
                        provider.ongoingIncidents().stream().map((incident) -> incident.title()).toList());
        }

        OfficialIncident claude = StatuspageParser.summary("anthropic", get("/status/anthropic/api/v2/summary.json"))
            .unresolved()
            .stream()
            .filter((incident) -> incident.externalId().equals("anthropic/o-inc-open"))
            .findFirst()
            .orElseThrow();
        assertThat(claude.state()).isEqualTo("identified");
        assertThat(claude.impact()).isEqualTo(Status.DEGRADED);
        assertThat(claude.createdAt()).isEqualTo(this.clock.instant().minus(Duration.ofMinutes(10)));
        assertThat(claude.link()).hasToString("http://localhost:8080/status/anthropic#incident-o-inc-open");
        assertThat(claude.components()).containsExactly("Claude API");
        assertThat(claude.updates()).extracting(OfficialIncident.Update::state)
            .containsExactly("identified", "investigating");
        assertThat(claude.updates().get(0).body()).isEqualTo("We found the cause.");
    }

    @Test
    void theProbersOfficialPageReaderReadsOurProviderPagesAsAnOfficialStatuspage() {
        ProbeExecutors executors = new ProbeExecutors(2);
        try {
            OfficialPageReader reader = new OfficialPageReader(
                    ProbeConfiguration.Probing.httpClient(executors, Duration.ofSeconds(2)),
                    new HostResolver(executors.dns(), Duration.ofSeconds(2)),
                    ProbeTestSupport.properties(Map.of("llmstatus.probe.official-timeout", "5s")), Clock.systemUTC());
            for (String slug : List.of("stepfun", "anthropic", "openai", "iflytek-spark")) {
                ProviderState state = this.engine.current().provider(slug).orElseThrow();
                OfficialStatus reading = reader.read(asStatuspage(state.provider())).join();
                assertThat(reading.error()).as(slug).isNull();
                assertThat(reading.readable()).as(slug).isTrue();
                assertThat(reading.components()).as(slug).hasSize(state.components().size());
                for (ComponentState component : state.components()) {
                    assertThat(reading.components()).as(slug)
                        .containsEntry(component.component().name(), component.level());
                }
                assertThat(reading.incidents()).as(slug).hasSize(state.ongoingIncidents().size());
            }
        }
        finally {
            executors.close();
        }
    }

    /** The provider as the prober would see it if our page were its official Statuspage page. */
    private Provider asStatuspage(Provider provider) {
        URI page = URI.create("http://localhost:" + this.port + "/status/" + provider.slug());
        StatusPageSource ours = new StatusPageSource(StatusPageKind.STATUSPAGE, page,
                URI.create(page + "/api/v2/summary.json"), null);
        return new Provider(provider.slug(), provider.name(), provider.website(), provider.apiBaseUrl(),
                provider.docs(), ours, provider.components(), provider.aliases(), provider.models());
    }

    private static OfficialStatus officialIncident(Instant now) {
        OfficialIncident open = new OfficialIncident("anthropic", "inc-open", "Elevated errors on Claude API",
                Status.DEGRADED, "identified", now.minus(Duration.ofMinutes(10)), null, null, List.of("Claude API"),
                List.of(new OfficialIncident.Update("identified", "We found the cause.",
                        now.minus(Duration.ofMinutes(5))),
                        new OfficialIncident.Update("investigating", "We are investigating.",
                                now.minus(Duration.ofMinutes(10)))));
        return new OfficialStatus("anthropic", now, Status.DEGRADED, "Minor Service Outage",
                Map.of("Claude API", Status.DEGRADED), List.of(open), null);
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = this.http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

}
