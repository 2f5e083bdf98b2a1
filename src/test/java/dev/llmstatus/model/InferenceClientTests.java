package dev.llmstatus.model;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.llmstatus.catalog.ModelProtocol;
import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.probe.SimulatedModel;
import dev.llmstatus.probe.SimulatedModel.Ending;
import dev.llmstatus.probe.SimulatedModel.Failure;
import dev.llmstatus.probe.SimulatedModel.Wire;

import static org.assertj.core.api.Assertions.assertThat;

/** Every classification of a model check, against the simulator over real HTTP, in each of the three protocols. */
class InferenceClientTests {

    static final String KEY = "sk-sim-CANARY0123456789abcdefWXYZ";

    private static ProviderSimulator simulator;

    private static InferenceClient client;

    @BeforeAll
    static void start() {
        simulator = ProviderSimulator.start();
        client = new InferenceClient(InferenceClient.httpClient(), "llm-status-test", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    private static int paths;

    private ModelResult check(Wire wire, SimulatedModel model, Duration timeout, Duration ttftThreshold,
            double minTokensPerSecond) {
        String path = "/m" + (++paths) + "/" + wire.name().toLowerCase();
        simulator.set(path, Behaviour.model(model.requireKey(KEY)));
        return client.check(target(wire, simulator.uri(path), timeout, ttftThreshold, minTokensPerSecond), KEY).join();
    }

    private ModelResult check(Wire wire, SimulatedModel model) {
        return check(wire, model, Duration.ofSeconds(10), Duration.ofSeconds(5), 1);
    }

    static ModelTarget target(Wire wire, URI url, Duration timeout, Duration ttftThreshold, double minTokensPerSecond) {
        return new ModelTarget("sim", "sim-model", ModelProtocol.valueOf(wire.name()), url, timeout, ttftThreshold,
                minTokensPerSecond);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aCorrectTimelyAnswerIsOperationalWithItsFigures(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).ttft(Duration.ofMillis(200)).tokens(8));
        assertThat(result.outcome()).isEqualTo(ModelOutcome.OK);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.correct()).isTrue();
        assertThat(result.ttftMillis()).isGreaterThanOrEqualTo(200L);
        assertThat(result.totalMillis()).isGreaterThanOrEqualTo(result.ttftMillis());
        assertThat(result.outputTokens()).isEqualTo(8);
        assertThat(result.tokensPerSecond()).isPositive();
        if (wire != Wire.GEMINI_GENERATE) {
            assertThat(result.requestId()).startsWith("req_sim");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void theRequestIsTheFixedCheapQuestionWithTheKeyInTheProtocolsHeader(Wire wire) {
        check(wire, SimulatedModel.of(wire));
        String path = "/m" + paths + "/" + wire.name().toLowerCase();
        String body = simulator.lastBody(path);
        assertThat(body).contains("What is 17*23? Reply with the number only.").doesNotContain(KEY);
        if (wire == Wire.GEMINI_GENERATE) {
            assertThat(body).contains("\"maxOutputTokens\":16", "\"temperature\":0");
        }
        else {
            assertThat(body).contains("\"max_tokens\":16", "\"temperature\":0", "\"stream\":true",
                    "\"model\":\"sim-model\"");
        }
    }

    @ParameterizedTest
    @EnumSource(ModelProtocol.class)
    void aReasoningModelsTokenCapFromTheCatalogIsSent(ModelProtocol protocol) {
        ModelTarget reasoner = new ModelTarget("sim", "sim-reasoner", protocol, URI.create("http://127.0.0.1/"),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 5, 512);
        String body = InferenceClient.body(reasoner).toString();
        assertThat(body).contains((protocol == ModelProtocol.GEMINI_GENERATE) ? "maxOutputTokens=512" : "max_tokens=512");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void withoutUsageFiguresTheTokensAreCounted(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).tokens(6).withoutUsage());
        assertThat(result.outcome()).isEqualTo(ModelOutcome.OK);
        assertThat(result.outputTokens()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aWrongAnswerIsDegraded(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).wrongAnswer());
        assertThat(result.outcome()).isEqualTo(ModelOutcome.WRONG_ANSWER);
        assertThat(result.correct()).isFalse();
        assertThat(result.detail()).isEqualTo("answered 392, expected 391");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aSlowFirstTokenIsDegraded(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).ttft(Duration.ofMillis(700)), Duration.ofSeconds(10),
                Duration.ofMillis(300), 1);
        assertThat(result.outcome()).isEqualTo(ModelOutcome.SLOW_FIRST_TOKEN);
        assertThat(result.detail()).startsWith("first token after").endsWith("(threshold 300 ms)");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void slowGenerationIsDegraded(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).tokensPerSecond(5).tokens(5),
                Duration.ofSeconds(10), Duration.ofSeconds(5), 20);
        assertThat(result.outcome()).isEqualTo(ModelOutcome.SLOW_GENERATION);
        assertThat(result.tokensPerSecond()).isLessThan(20);
        assertThat(result.detail()).endsWith("tokens/s (minimum 20)");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aRateLimitIsDegradedAndKeepsRetryAfter(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).failing(Failure.RATE_LIMITED).retryAfter("42"));
        assertThat(result.outcome()).isEqualTo(ModelOutcome.RATE_LIMITED);
        assertThat(result.httpStatus()).isEqualTo(429);
        assertThat(result.retryAfter()).isEqualTo("42");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aServerErrorIsAnOutage(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).failing(Failure.SERVER_ERROR));
        assertThat(result.outcome()).isEqualTo(ModelOutcome.SERVER_ERROR);
        assertThat(result.outcome().impact()).isEqualTo(ModelOutcome.Impact.OUTAGE);
        assertThat(result.httpStatus()).isEqualTo(500);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void overloaded529IsAnOutageWithTheBodysErrorType(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).failing(Failure.OVERLOADED));
        assertThat(result.outcome()).isEqualTo(ModelOutcome.SERVER_ERROR);
        assertThat(result.httpStatus()).isEqualTo(529);
        assertThat(result.errorLabel()).isEqualTo(switch (wire) {
            case OPENAI_CHAT -> "server_error";
            case ANTHROPIC_MESSAGES -> "overloaded_error";
            case GEMINI_GENERATE -> "UNAVAILABLE";
        });
        assertThat(result.detail()).startsWith("HTTP 529 ");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void ourExhaustedQuotaIsOursNotTheProviders(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).failing(Failure.INSUFFICIENT_QUOTA));
        assertThat(result.outcome()).isEqualTo(ModelOutcome.QUOTA_EXHAUSTED);
        assertThat(result.outcome().impact()).isEqualTo(ModelOutcome.Impact.OURS);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aRefusedKeyIsOursAndItsEchoIsRedacted(Wire wire) {
        String path = "/m" + (++paths) + "/" + wire.name().toLowerCase();
        simulator.set(path, Behaviour.model(SimulatedModel.of(wire).requireKey("sk-sim-another-key-0000000000")));
        ModelResult result = client.check(target(wire, simulator.uri(path), Duration.ofSeconds(10),
                Duration.ofSeconds(5), 1), KEY).join();
        assertThat(result.outcome()).isEqualTo(ModelOutcome.KEY_REJECTED);
        assertThat(result.toString()).doesNotContain(KEY.substring(0, 8), KEY.substring(KEY.length() - 8));
        if (wire == Wire.OPENAI_CHAT) {
            assertThat(result.detail()).contains("Incorrect API key provided: [redacted]");
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aStreamThatStopsHalfwayIsAnOutage(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).tokens(8).ending(Ending.STOP_HALFWAY));
        assertThat(result.outcome()).isEqualTo(ModelOutcome.STREAM_BROKEN);
        assertThat(result.detail()).isEqualTo("stream broke off after 4 tokens without its end marker");
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aStreamThatStallsPastTheTimeoutIsAnOutage(Wire wire) {
        ModelResult result = check(wire, SimulatedModel.of(wire).tokens(8).ending(Ending.STALL_HALFWAY),
                Duration.ofMillis(1500), Duration.ofSeconds(1), 1);
        assertThat(result.outcome()).isEqualTo(ModelOutcome.STREAM_STALLED);
        assertThat(result.ttftMillis()).isNotNull();
        assertThat(result.detail()).isEqualTo("stream stalled after 4 tokens; nothing more within 1.5 s");
    }

    @Test
    void noFirstTokenWithinTheTimeoutIsAnOutage() {
        simulator.set("/hang", Behaviour.hang());
        ModelResult result = client.check(target(Wire.OPENAI_CHAT, simulator.uri("/hang"), Duration.ofMillis(800),
                Duration.ofSeconds(1), 1), KEY).join();
        assertThat(result.outcome()).isEqualTo(ModelOutcome.TIMEOUT);
        assertThat(result.httpStatus()).isNull();
    }

    @Test
    void aRefusedConnectionIsUnreachable() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ModelResult result = client.check(target(Wire.OPENAI_CHAT, URI.create("http://127.0.0.1:" + port + "/v1"),
                Duration.ofSeconds(5), Duration.ofSeconds(1), 1), KEY).join();
        assertThat(result.outcome()).isEqualTo(ModelOutcome.UNREACHABLE);
        assertThat(result.detail()).isEqualTo("connection refused");
    }

    @Test
    void anUnknownModelIdIsOurRequestRejected() {
        simulator.set("/retired", Behaviour.status(404, "application/json",
                "{\"error\":{\"message\":\"The model `old-model` does not exist\",\"type\":\"invalid_request_error\","
                        + "\"code\":\"model_not_found\"}}"));
        ModelResult result = client.check(target(Wire.OPENAI_CHAT, simulator.uri("/retired"), Duration.ofSeconds(5),
                Duration.ofSeconds(1), 1), KEY).join();
        assertThat(result.outcome()).isEqualTo(ModelOutcome.REQUEST_REJECTED);
        assertThat(result.errorCode()).isEqualTo("model_not_found");
    }

}
