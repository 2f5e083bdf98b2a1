package dev.llmstatus.official;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.Provider;
import dev.llmstatus.catalog.StatusPageKind;
import dev.llmstatus.catalog.StatusPageSource;
import dev.llmstatus.status.ComponentState;
import dev.llmstatus.status.OfficialLevels;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.support.InMemoryProbeHistory;
import dev.llmstatus.support.MutableClock;
import dev.llmstatus.support.ProbeScript;
import dev.llmstatus.support.ScriptedHistoryConfiguration;
import dev.llmstatus.support.Officials;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(OfficialLevels.of(site.overall())).isEqualTo(Status.PARTIAL_OUTAGE);
        Map<String, Status> providerLevels = new LinkedHashMap<>();
        snapshot.providers().forEach((provider) -> providerLevels.put(provider.name(), provider.level()));
        assertThat(levels(site)).containsExactlyEntriesOf(providerLevels);
        assertThat(levels(site)).containsEntry("iFlytek Spark", Status.UNKNOWN);
        assertThat(site.unresolved()).extracting(OfficialIncident::name)
            .contains("StepFun: partial outage of API", "Elevated errors on Claude API");

        for (ProviderState provider : snapshot.providers()) {
            byte[] json = get("/api/v1/providers/" + provider.slug() + "/summary.json");
            if (!provider.level().known()) {
                // We cannot see it: the parser refuses the page, so the prober would say unknown, never operational.
                assertThatThrownBy(() -> StatuspageParser.summary(provider.slug(), json)).as(provider.slug())
                    .isInstanceOf(MalformedPageException.class)
                    .hasMessageContaining("status is unknown");
                continue;
            }
            StatuspageParser.Summary summary = StatuspageParser.summary(provider.slug(), json);
            Map<String, Status> levels = new LinkedHashMap<>();
            provider.components().forEach((component) -> levels.put(component.component().name(), component.level()));
            assertThat(levels(summary)).as(provider.slug()).containsExactlyEntriesOf(levels);
            assertThat(OfficialLevels.of(summary.overall())).as(provider.slug()).isEqualTo(provider.level());
            assertThat(summary.pageUrl()).isEqualTo("http://localhost:8080/status/" + provider.slug());
            assertThat(summary.unresolved()).extracting(OfficialIncident::name)
                .containsExactlyInAnyOrderElementsOf(
                        provider.ongoingIncidents().stream().map((incident) -> incident.title()).toList());
        }

        OfficialIncident claude = StatuspageParser.summary("anthropic", get("/status/anthropic/api/v2/summary.json"))
            .unresolved()
            .stream()
            .filter((incident) -> incident.externalId().equals("o-inc-open"))
            .findFirst()
            .orElseThrow();
        assertThat(claude.state()).isEqualTo("identified");
        assertThat(claude.impact()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(claude.createdAt()).isEqualTo(this.clock.instant().minus(Duration.ofMinutes(10)));
        assertThat(claude.link()).hasToString("http://localhost:8080/status/anthropic/incidents/o-inc-open");
        assertThat(claude.components()).containsExactly("Claude API");
        assertThat(claude.updates()).extracting(OfficialIncident.Update::state)
            .containsExactly("identified", "investigating");
        assertThat(claude.updates().get(0).body()).isEqualTo("We found the cause.");
    }

    @Test
    void theProbersOfficialPageReaderReadsOurProviderPagesAsAnOfficialStatuspage() {
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            OfficialPageReader reader = new OfficialPageReader(HttpClient.newBuilder().executor(executor).build(),
                    "llmstatus-test", Duration.ofSeconds(5), Duration.ofDays(30), Clock.systemUTC());
            for (String slug : List.of("stepfun", "anthropic", "openai", "iflytek-spark")) {
                ProviderState state = this.engine.current().provider(slug).orElseThrow();
                OfficialStatus reading = reader.read(asStatuspage(state.provider())).join();
                if (!state.level().known()) {
                    assertThat(reading.readable()).as(slug).isFalse();
                    assertThat(reading.error()).as(slug).contains("status is unknown");
                    continue;
                }
                assertThat(reading.error()).as(slug).isNull();
                assertThat(reading.readable()).as(slug).isTrue();
                assertThat(reading.components()).as(slug)
                    .filteredOn((component) -> component.group() == null && !component.isGroup())
                    .hasSize(state.components().size());
                for (ComponentState component : state.components()) {
                    assertThat(OfficialLevels.of(reading.level(component.component().name()))).as(slug)
                        .isEqualTo(component.level());
                }
                assertThat(reading.incidents()).as(slug).hasSize(state.ongoingIncidents().size());
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static Map<String, Status> levels(StatuspageParser.Summary summary) {
        Map<String, Status> levels = new LinkedHashMap<>();
        // The provider's models are a group of their own; these tests compare the probed components.
        summary.components()
            .stream()
            .filter((component) -> component.group() == null && !component.isGroup())
            .forEach((component) -> levels.put(component.name(), OfficialLevels.of(component.level())));
        return levels;
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
        OfficialIncident open = Officials.incident("anthropic", "inc-open", "Elevated errors on Claude API",
                Status.DEGRADED, "identified", now.minus(Duration.ofMinutes(10)), null, null, List.of("Claude API (api.anthropic.com)"),
                List.of(new OfficialIncident.Update("identified", "We found the cause.",
                        now.minus(Duration.ofMinutes(5))),
                        new OfficialIncident.Update("investigating", "We are investigating.",
                                now.minus(Duration.ofMinutes(10)))));
        return Officials.page("anthropic", now, Status.DEGRADED, "Minor Service Outage",
                Map.of("Claude API (api.anthropic.com)", Status.DEGRADED), List.of(open), null);
    }

    private byte[] get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = this.http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

}
