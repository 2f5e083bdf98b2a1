package dev.llmstatus.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.support.LocalHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.llmstatus.probe.ProbingIntegrationTests.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole prober while it counts itself as behind (the busy-CPU threshold is set so low that every probe is
 * measured under load): answers slower than the threshold leave the component operational, marked in the database,
 * counted in the metrics, while an error status still takes it down.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class UnderLoadIntegrationTests {

    static final ProviderSimulator simulator = ProviderSimulator.start();

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) throws Exception {
        simulator.set("/slow/v1/models", Behaviour.status(401).after(Duration.ofMillis(1500)))
            .set("/down/v1/models", Behaviour.status(503));
        Path file = Files.createTempDirectory("under-load-it").resolve("providers.yml");
        new SimulatedCatalog(Duration.ofSeconds(2), Duration.ofMillis(1900), Duration.ofMillis(800))
            .provider("it-slow", "Simulated Slow", simulator.uri("/slow"))
            .component("api", "API", simulator.uri("/slow/v1/models"), 401)
            .provider("it-down", "Simulated Down", simulator.uri("/down"))
            .component("api", "API", simulator.uri("/down/v1/models"), 401)
            .write(file);
        registry.add("llmstatus.catalog.location", () -> "file:" + file);
        registry.add("llmstatus.probe.jitter", () -> "1s");
        registry.add("llmstatus.probe.flush-interval", () -> "200ms");
        // any CPU use at all counts as saturated: every probe is measured under load (the CPU is sampled once a
        // second, so a 1.5 s answer always spans at least one sample)
        registry.add("llmstatus.probe.load.busy-cpu", () -> "0.000001");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Autowired
    ProbeHistory history;

    @Autowired
    StatusEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Test
    void slowAnswersMeasuredUnderLoadCannotDegradeButErrorsStillCount() {
        Instant since = Instant.now().minusSeconds(60);
        List<ProbeResult> results = await(() -> this.history.resultsSince(since),
                (list) -> list.stream().filter((r) -> r.provider().equals("it-slow")).count() >= 3
                        && list.stream().filter((r) -> r.provider().equals("it-down")).count() >= 3);
        assertThat(results).filteredOn((r) -> r.provider().equals("it-slow")).hasSizeGreaterThanOrEqualTo(3)
            .allSatisfy((r) -> {
                assertThat(r.outcome()).as(r.detail()).isEqualTo(Outcome.UP);
                assertThat(r.measuredUnderLoad()).isTrue();
                assertThat(r.latency()).isGreaterThan(Duration.ofMillis(800));
                assertThat(r.detail()).contains("under load");
            });
        assertThat(results).filteredOn((r) -> r.provider().equals("it-down")).hasSizeGreaterThanOrEqualTo(3)
            .allSatisfy((r) -> {
                assertThat(r.outcome()).isEqualTo(Outcome.DOWN);
                assertThat(r.httpStatus()).isEqualTo(503);
            });
        assertThat(this.jdbc.queryForObject(
                "select count(*) from probe_result where provider = 'it-slow' and under_load and outcome = 'UP'",
                Integer.class)).isGreaterThanOrEqualTo(3);

        var snapshot = this.engine.rebuild();
        assertThat(snapshot.provider("it-slow").orElseThrow().level()).isEqualTo(Status.OPERATIONAL);
        assertThat(snapshot.provider("it-down").orElseThrow().level()).isEqualTo(Status.MAJOR_OUTAGE);

        String metrics = LocalHttp.at(this.port)
            .send(LocalHttp.at(this.port).request("/actuator/prometheus").build())
            .body();
        assertThat(metrics).containsPattern("llmstatus_probe_under_load_total\\{counted=\"true\"} [1-9]");
    }

}
