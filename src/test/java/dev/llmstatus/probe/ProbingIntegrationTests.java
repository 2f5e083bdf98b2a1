package dev.llmstatus.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.llmstatus.official.OfficialHistory;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialLevel;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.LocalHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole prober in the application on H2, against the simulator: scheduling, classification, history, official
 * pages, events and metrics.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProbingIntegrationTests {

    static final ProviderSimulator simulator = ProviderSimulator.start();

    static final Instant incidentStart = Instant.now().minusSeconds(1800);

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) throws Exception {
        Map<String, String> components = Map.of("API", "degraded_performance", "Website", "operational");
        simulator.set("/up/v1/models", Behaviour.status(401))
            .set("/up/web", Behaviour.status(200, "text/html", "<html></html>"))
            .set("/down/v1/models", Behaviour.status(503))
            .set("/hang/v1/models", Behaviour.hang())
            .set("/up-status/api/v2/summary.json", Behaviour.status(200, "application/json",
                    ProviderSimulator.statuspageSummary("https://status.up.example", components,
                            "Elevated errors on the API", incidentStart)))
            .set("/up-status/api/v2/components.json",
                    Behaviour.status(200, "application/json", ProviderSimulator.statuspageComponents(components)))
            .set("/down-status/history.atom", Behaviour.status(200, "application/atom+xml",
                    ProviderSimulator.atomFeed("https://status.down.example",
                            new ProviderSimulator.FeedEntry("tag:down,1", "API unavailable",
                                    "<p><strong>Investigating</strong> - We are looking into failing requests.</p>",
                                    Instant.now().minusSeconds(600)),
                            new ProviderSimulator.FeedEntry("tag:down,0", "Slow dashboard",
                                    "<p><strong>Resolved</strong> - Fixed.</p><p><strong>Investigating</strong> - "
                                            + "Looking.</p>",
                                    Instant.now().minusSeconds(86400)))));
        Path file = Files.createTempDirectory("probe-it").resolve("providers.yml");
        new SimulatedCatalog(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(800))
            .provider("it-up", "Simulated Up", simulator.uri("/up"))
            .statuspage("incidentio", simulator.uri("/up-status"), simulator.uri("/up-status/api/v2/summary.json"))
            .component("api", "API", simulator.uri("/up/v1/models"), 401)
            .component("web", "Website", simulator.uri("/up/web"), 200)
            .provider("it-down", "Simulated Down", simulator.uri("/down"))
            .feed(simulator.uri("/down-status"), simulator.uri("/down-status/history.atom"))
            .component("api", "API", simulator.uri("/down/v1/models"), 401)
            .provider("it-hang", "Simulated Hang", simulator.uri("/hang"))
            .component("api", "API", simulator.uri("/hang/v1/models"), 401)
            .write(file);
        registry.add("llmstatus.catalog.location", () -> "file:" + file);
        registry.add("llmstatus.probe.jitter", () -> "1s");
        registry.add("llmstatus.probe.official-interval", () -> "2s");
        registry.add("llmstatus.probe.self-check-interval", () -> "1s");
        registry.add("llmstatus.probe.rollup-interval", () -> "2s");
        registry.add("llmstatus.probe.flush-interval", () -> "200ms");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Autowired
    ProbeHistory history;

    @Autowired
    OfficialHistory officialHistory;

    @Autowired
    Events events;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void everyComponentIsProbedAndClassifiedWhileAHangingTargetWaits() {
        Instant since = Instant.now().minusSeconds(60);
        List<ProbeResult> results = await(() -> this.history.resultsSince(since),
                (list) -> list.stream().filter((r) -> r.provider().equals("it-hang")).count() >= 1
                        && list.stream().filter((r) -> r.provider().equals("it-up")).count() >= 4);
        assertThat(results).filteredOn((r) -> r.provider().equals("it-up"))
            .allSatisfy((r) -> assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.UP));
        assertThat(results).filteredOn((r) -> r.provider().equals("it-down"))
            .allSatisfy((r) -> assertThat(r.errorClass()).isEqualTo(ErrorClass.HTTP_5XX));
        assertThat(results).filteredOn((r) -> r.provider().equals("it-hang"))
            .allSatisfy((r) -> assertThat(r.errorClass()).isEqualTo(ErrorClass.TIMEOUT));
        assertThat(this.events.recorded).isNotEmpty();
        assertThat(this.history.monitorState().offline()).isFalse();
    }

    @Test
    void officialPagesAreReadPersistedAndReturnedWithIncidents() {
        List<OfficialStatus> official = await(this.officialHistory::latestOfficial, (list) -> list.size() >= 2);
        OfficialStatus up = official.stream().filter((s) -> s.provider().equals("it-up")).findFirst().orElseThrow();
        assertThat(up.error()).isNull();
        assertThat(up.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(up.level("API")).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(up.level("Website")).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(up.incidents()).singleElement().satisfies((incident) -> {
            assertThat(incident.name()).isEqualTo("Elevated errors on the API");
            assertThat(incident.resolved()).isFalse();
            assertThat(incident.components()).containsExactly("API");
            assertThat(incident.updates()).extracting(OfficialIncident.Update::state)
                .containsExactly("identified", "investigating");
        });
        OfficialStatus down = official.stream().filter((s) -> s.provider().equals("it-down")).findFirst().orElseThrow();
        assertThat(down.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(down.incidents()).extracting(OfficialIncident::name, OfficialIncident::resolved)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("API unavailable", false),
                    org.assertj.core.groups.Tuple.tuple("Slow dashboard", true));
        assertThat(this.jdbc.queryForObject(
                "select count(*) from official_incident_update u join official_incident i on i.id = u.incident_id "
                        + "where i.provider = 'it-up'",
                Integer.class))
            .isEqualTo(2);
    }

    @Test
    void hourlyRollupsFollowTheRawResults() {
        List<HourlyRollup> rollups = await(() -> this.history.rollupsSince(Instant.now().minusSeconds(7200)),
                (list) -> list.stream().anyMatch((r) -> r.provider().equals("it-down") && r.checks() >= 2));
        HourlyRollup down = rollups.stream().filter((r) -> r.provider().equals("it-down")).findFirst().orElseThrow();
        assertThat(down.failures()).isEqualTo(down.checks());
        HourlyRollup up = rollups.stream()
            .filter((r) -> r.provider().equals("it-up") && r.component().equals("api"))
            .findFirst()
            .orElseThrow();
        assertThat(up.failures()).isZero();
        assertThat(up.p95Millis()).isGreaterThanOrEqualTo(up.p50Millis());
    }

    @Test
    void probeMetricsAreExposedToPrometheus() throws Exception {
        await(() -> this.history.resultsSince(Instant.now().minusSeconds(60)), (list) -> list.size() >= 3);
        String body = await(this::prometheus, (text) -> text.contains("llmstatus_probe_results_total{")
                && text.contains("provider=\"it-down\""));
        assertThat(body).containsPattern(
                "llmstatus_probe_duration_seconds_count\\{component=\"api\",outcome=\"up\",provider=\"it-up\"}")
            .containsPattern("llmstatus_probe_results_total\\{component=\"api\",outcome=\"down\",provider=\"it-down\"}")
            .contains("llmstatus_probe_in_flight");
    }

    private String prometheus() {
        return LocalHttp.at(this.port).send(LocalHttp.at(this.port).request("/actuator/prometheus").build()).body();
    }

    static <T> T await(Supplier<T> read, java.util.function.Predicate<T> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
            value = read.get();
        }
        return value;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class EventsConfiguration {

        @Bean
        Events events() {
            return new Events();
        }

    }

    static class Events {

        final List<ProbeResultsRecorded> recorded = new CopyOnWriteArrayList<>();

        @EventListener
        void on(ProbeResultsRecorded event) {
            this.recorded.add(event);
        }

    }

}
