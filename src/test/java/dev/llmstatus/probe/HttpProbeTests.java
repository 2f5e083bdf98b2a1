package dev.llmstatus.probe;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.llmstatus.catalog.ProbeDefinition;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The front-door probe against real local servers, one scripted behaviour per row.
 */
class HttpProbeTests {

    private static final Duration THRESHOLD = Duration.ofMillis(800);

    private static final Duration TIMEOUT = Duration.ofMillis(2500);

    private static ProviderSimulator simulator;

    private static ProbeExecutors executors;

    private static HttpProbe probe;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start();
        executors = new ProbeExecutors(2);
        probe = new HttpProbe(ProbeConfiguration.Probing.httpClient(executors, Duration.ofSeconds(1)),
                new HostResolver(executors.dns(), Duration.ofSeconds(2)),
                ProbeTestSupport.properties(Map.of("llmstatus.probe.user-agent", "test-prober")), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        simulator.close();
        executors.close();
    }

    static Stream<Arguments> behaviours() {
        return Stream.of(
                Arguments.of("200 expected", Behaviour.status(200), 200, Outcome.UP, null, 200),
                Arguments.of("401 expected (no key)", Behaviour.status(401), 401, Outcome.UP, null, 401),
                Arguments.of("401 slower than threshold", Behaviour.status(401).after(Duration.ofMillis(1200)), 401,
                        Outcome.DEGRADED, null, 401),
                Arguments.of("429 with Retry-After", Behaviour.rateLimited("30"), 401, Outcome.RATE_LIMITED,
                        ErrorClass.HTTP_4XX, 429),
                Arguments.of("500", Behaviour.status(500), 401, Outcome.DOWN, ErrorClass.HTTP_5XX, 500),
                Arguments.of("503", Behaviour.status(503), 401, Outcome.DOWN, ErrorClass.HTTP_5XX, 503),
                Arguments.of("529 overloaded", Behaviour.overloaded(), 401, Outcome.DOWN, ErrorClass.HTTP_5XX, 529),
                Arguments.of("unexpected 404", Behaviour.status(404), 401, Outcome.DOWN, ErrorClass.HTTP_4XX, 404),
                Arguments.of("unexpected 200", Behaviour.status(200), 401, Outcome.DOWN, ErrorClass.BODY, 200),
                Arguments.of("hang past the timeout", Behaviour.hang(), 401, Outcome.DOWN, ErrorClass.TIMEOUT, null),
                Arguments.of("one byte a second", Behaviour.trickle(Duration.ofSeconds(1)), 200, Outcome.DOWN,
                        ErrorClass.TIMEOUT, 200),
                Arguments.of("connection closed without answer", Behaviour.closeWithoutAnswer(), 401, Outcome.DOWN,
                        ErrorClass.BODY, null),
                Arguments.of("10 MiB body", Behaviour.largeBody(10 * 1024 * 1024), 200, Outcome.UP, null, 200),
                Arguments.of("malformed JSON", Behaviour.malformedJson(), 200, Outcome.DOWN, ErrorClass.BODY, 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviours")
    void classifiesEachScriptedBehaviour(String name, Behaviour behaviour, int expect, Outcome outcome,
            ErrorClass errorClass, Integer status) {
        String path = "/case/" + name.replaceAll("\\W+", "-");
        simulator.set(path, behaviour);
        ProbeResult result = probe(simulator.uri(path), expect);
        assertThat(result.outcome()).as(result.detail()).isEqualTo(outcome);
        assertThat(result.errorClass()).as(result.detail()).isEqualTo(errorClass);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.latency()).isLessThan(TIMEOUT.plusMillis(700));
    }

    @Test
    void rateLimitKeepsRetryAfterAndTheBodySignature() {
        simulator.set("/limited", Behaviour.rateLimited("17"));
        ProbeResult result = probe(simulator.uri("/limited"), 401);
        assertThat(result.retryAfter()).isEqualTo("17");
        assertThat(result.signatures()).contains("rate_limit_error");
        assertThat(result.contentType()).startsWith("application/json");
        assertThat(result.detail()).contains("429").contains("Retry-After 17");
    }

    @Test
    void overloadSignatureIsRecorded() {
        simulator.set("/overloaded", Behaviour.overloaded());
        assertThat(probe(simulator.uri("/overloaded"), 401).signatures()).containsExactly("overloaded_error");
    }

    @Test
    void trickleIsCutAtTheTotalDeadline() {
        simulator.set("/trickle", Behaviour.trickle(Duration.ofSeconds(1)));
        long start = System.nanoTime();
        ProbeResult result = probe(simulator.uri("/trickle"), 200);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(took).isBetween(TIMEOUT.minusMillis(100), TIMEOUT.plusMillis(700));
    }

    @Test
    void connectionResetIsADownBodyFailureNotANetworkOne() {
        ProbeResult result = probe(simulator.resetUri("/v1/models"), 401);
        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.errorClass()).as(result.detail()).isEqualTo(ErrorClass.BODY);
        assertThat(result.detail()).isEqualTo("connection reset");
        assertThat(result.networkFailure()).isFalse();
    }

    @Test
    void unresolvableHostIsADnsFailureWithinBoundedTime() {
        long start = System.nanoTime();
        ProbeResult result = probe(URI.create("http://nonexistent.invalid/v1/models"), 401);
        assertThat(result.errorClass()).isEqualTo(ErrorClass.DNS);
        assertThat(result.networkFailure()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void closedPortIsAConnectFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProbeResult result = probe(URI.create("http://127.0.0.1:" + port + "/v1/models"), 401);
        assertThat(result.errorClass()).as(result.detail()).isEqualTo(ErrorClass.CONNECT);
        assertThat(result.detail()).isEqualTo("connection refused");
        assertThat(result.networkFailure()).isTrue();
    }

    @Test
    void aResolverThatStallsPastTheDeadlineIsANetworkFailureNotASlowProvider() {
        HttpProbe stalled = new HttpProbe(ProbeConfiguration.Probing.httpClient(executors, Duration.ofSeconds(1)),
                new HostResolver((lookup) -> {
                    // a resolver whose lookups never come back
                }, Duration.ofSeconds(30)),
                ProbeTestSupport.properties(Map.of()), Clock.systemUTC());
        ProbeResult result = stalled.run("sim", "api", ProbeTestSupport
            .component("api", URI.create("http://stalled.example/v1/models"), Set.of(401), THRESHOLD, TIMEOUT)
            .probe()).join();
        assertThat(result.errorClass()).isEqualTo(ErrorClass.DNS);
        assertThat(result.networkFailure()).as("never connected, so it reached nothing").isTrue();
    }

    @Test
    void latencyCountsFromWhenTheRequestWentOutNotFromASlowLookup() {
        simulator.set("/slow-lookup", Behaviour.status(401));
        HttpProbe slowLookup = new HttpProbe(ProbeConfiguration.Probing.httpClient(executors, Duration.ofSeconds(1)),
                new HostResolver(CompletableFuture.delayedExecutor(THRESHOLD.toMillis() + 400, TimeUnit.MILLISECONDS,
                        executors.dns()), Duration.ofSeconds(2)),
                ProbeTestSupport.properties(Map.of()), Clock.systemUTC());
        URI url = URI.create("http://localhost:" + simulator.uri("/").getPort() + "/slow-lookup");
        ProbeResult result = slowLookup
            .run("sim", "api", ProbeTestSupport.component("api", url, Set.of(401), THRESHOLD, TIMEOUT).probe())
            .join();
        assertThat(result.outcome()).as(result.detail()).isEqualTo(Outcome.UP);
        assertThat(result.latency()).isLessThan(THRESHOLD);
    }

    @Test
    void sendsNoCredentialsAndNamesItself() {
        simulator.set("/headers", Behaviour.status(401));
        probe(simulator.uri("/headers"), 401);
        var headers = simulator.lastHeaders("/headers");
        assertThat(headers.getFirst("User-Agent")).isEqualTo("test-prober");
        assertThat(headers.keySet()).map(String::toLowerCase)
            .doesNotContain("authorization", "x-api-key", "api-key", "cookie", "proxy-authorization");
    }

    @Test
    void measuredUnderLoadASlowAnswerIsUpAndMarkedAnExplainedTimeoutSaysNothingAndAnErrorStands() {
        ProbeDefinition definition = ProbeTestSupport
            .component("api", URI.create("http://sim.example/v1/models"), Set.of(401), THRESHOLD, TIMEOUT)
            .probe();
        simulator.set("/slow-under-load", Behaviour.status(401).after(THRESHOLD.plusMillis(400)));
        ProbeResult slow = probe(simulator.uri("/slow-under-load"), 401);
        assertThat(slow.outcome()).isEqualTo(Outcome.DEGRADED);
        ProbeResult judged = probe.underLoad(slow, definition, Duration.ZERO);
        assertThat(judged.outcome()).isEqualTo(Outcome.UP);
        assertThat(judged.measuredUnderLoad()).isTrue();
        assertThat(judged.latency()).as("the measured latency is kept").isEqualTo(slow.latency());
        assertThat(judged.detail()).contains("under load").contains("not counted as slow");

        simulator.set("/hang-under-load", Behaviour.hang());
        ProbeResult timeout = probe(simulator.uri("/hang-under-load"), 401);
        assertThat(timeout.errorClass()).isEqualTo(ErrorClass.TIMEOUT);
        assertThat(probe.underLoad(timeout, definition, timeout.latency().minus(THRESHOLD)))
            .as("our stall left the provider no more than the slow threshold").isNull();
        ProbeResult unexplained = probe.underLoad(timeout, definition, Duration.ofMillis(200));
        assertThat(unexplained.outcome()).as("a short stall does not explain a timeout").isEqualTo(Outcome.DOWN);
        assertThat(unexplained.measuredUnderLoad()).isTrue();

        simulator.set("/error-under-load", Behaviour.status(503));
        ProbeResult error = probe.underLoad(probe(simulator.uri("/error-under-load"), 401), definition,
                Duration.ofSeconds(5));
        assertThat(error.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(error.httpStatus()).isEqualTo(503);
        assertThat(error.measuredUnderLoad()).isTrue();
    }

    private static ProbeResult probe(URI url, int expect) {
        return probe.run("sim", "api", ProbeTestSupport.component("api", url, Set.of(expect), THRESHOLD, TIMEOUT).probe())
            .join();
    }

}
