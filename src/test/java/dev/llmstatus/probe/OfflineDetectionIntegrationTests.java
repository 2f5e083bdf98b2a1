package dev.llmstatus.probe;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Run without a network, every probe fails at the network level: the monitor must call itself offline rather than
 * report every provider down.
 */
@DirtiesContext
@SpringBootTest
class OfflineDetectionIntegrationTests {

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path file = Files.createTempDirectory("probe-offline").resolve("providers.yml");
        new SimulatedCatalog(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(800))
            .provider("off-dns", "Unresolvable", java.net.URI.create("http://nonexistent.invalid"))
            .component("api", "API", java.net.URI.create("http://nonexistent.invalid/v1/models"), 401)
            .component("web", "Website", java.net.URI.create("http://also.nonexistent.invalid/"), 200)
            .provider("off-refused", "Refused", java.net.URI.create("http://127.0.0.1:" + closedPort))
            .component("api", "API", java.net.URI.create("http://127.0.0.1:" + closedPort + "/v1/models"), 401)
            .write(file);
        registry.add("llmstatus.catalog.location", () -> "file:" + file);
        registry.add("llmstatus.probe.jitter", () -> "1s");
        registry.add("llmstatus.probe.self-check-interval", () -> "1s");
        registry.add("llmstatus.probe.flush-interval", () -> "200ms");
    }

    @Autowired
    ProbeHistory history;

    @Autowired
    ProbeResultRepository results;

    @Autowired
    MonitorStateRepository states;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void allNetworkFailuresInACycleMeanTheMonitorIsOffline() {
        MonitorState state = ProbingIntegrationTests.await(this.history::monitorState, MonitorState::offline);
        assertThat(state.offline()).isTrue();
        assertThat(state.since()).isNotNull();
        assertThat(state.lastCycleAt()).isAfterOrEqualTo(state.since());
        List<ProbeResult> recent = this.history.resultsSince(Instant.now().minusSeconds(30));
        assertThat(recent).isNotEmpty().allSatisfy((result) -> assertThat(result.networkFailure()).isTrue());
        assertThat(recent).extracting(ProbeResult::errorClass).contains(ErrorClass.DNS, ErrorClass.CONNECT);
    }

    @Test
    void oneAnswerInTheWindowBringsTheMonitorBackOnline() {
        ProbingIntegrationTests.await(this.history::monitorState, MonitorState::offline);
        this.results.save(new ProbeResultEntity(new ProbeResult("off-other", "api", Instant.now(),
                Duration.ofMillis(40), 503, Outcome.DOWN, ErrorClass.HTTP_5XX, null, null, null, null, "HTTP 503")));
        new SelfCheck(this.results, this.states, this.transactions, this.events, Duration.ofSeconds(2), 3,
                Clock.systemUTC())
            .run();
        assertThat(this.history.monitorState().offline()).isFalse();
    }

}
