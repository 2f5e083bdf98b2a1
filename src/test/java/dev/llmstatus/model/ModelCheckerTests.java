package dev.llmstatus.model;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.probe.SimulatedModel;
import dev.llmstatus.probe.SimulatedModel.Ending;
import dev.llmstatus.probe.SimulatedModel.Failure;
import dev.llmstatus.probe.SimulatedModel.Wire;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** When a model check may run: key, budget, Retry-After, one in flight; and the operator's warning. */
@ExtendWith(OutputCaptureExtension.class)
class ModelCheckerTests {

    private static final String KEY = "sk-sim-budget-0123456789abcdefghij";

    private ProviderSimulator simulator;

    private SimpleMeterRegistry registry;

    private MockEnvironment environment;

    @BeforeEach
    void start() {
        this.simulator = ProviderSimulator.start();
        this.registry = new SimpleMeterRegistry();
        this.environment = new MockEnvironment().withProperty("SIM_API_KEY", KEY);
    }

    @AfterEach
    void stop() {
        this.simulator.close();
    }

    private ModelChecker checker(Map<String, String> properties) {
        ModelProperties bound = new Binder(new MapConfigurationPropertySource(properties))
            .bindOrCreate("llmstatus.models", ModelProperties.class);
        InferenceClient client = new InferenceClient(InferenceClient.httpClient(), "test", Clock.systemUTC());
        return new ModelChecker(client, new ModelKeys(this.environment), new ModelBudget(bound, Clock.systemUTC()),
                new ModelMetrics(this.registry), new ModelHistoryWriter(new JdbcTemplate(), (event) -> {
                }, Clock.systemUTC()), bound, Clock.systemUTC());
    }

    private ModelTarget target(String path, Duration timeout) {
        return InferenceClientTests.target(Wire.OPENAI_CHAT, this.simulator.uri(path), timeout, Duration.ofSeconds(5),
                1);
    }

    private double skipped(String reason) {
        var counter = this.registry.find("llmstatus.model.skipped").tag("reason", reason).counter();
        return (counter != null) ? counter.count() : 0;
    }

    @Test
    void checksPauseOnceTheProvidersDailyBudgetIsUsedUp() {
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT).ttft(Duration.ZERO)));
        ModelChecker checker = checker(Map.of("llmstatus.models.budgets.sim", "3"));
        int sent = 0;
        for (int i = 0; i < 5; i++) {
            if (checker.check(target("/v1/chat", Duration.ofSeconds(10)), "SIM_API_KEY").join().isPresent()) {
                sent++;
            }
        }
        assertThat(sent).isEqualTo(3);
        assertThat(this.simulator.hits("/v1/chat")).isEqualTo(3);
        assertThat(skipped("budget")).isEqualTo(2);
    }

    @Test
    void theBudgetCountsWhatTheDatabaseRecordedToday() {
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT).ttft(Duration.ZERO)));
        ModelProperties properties = new Binder(new MapConfigurationPropertySource(Map.of("llmstatus.models.daily-budget",
                "10"))).bindOrCreate("llmstatus.models", ModelProperties.class);
        ModelBudget budget = new ModelBudget(properties, Clock.systemUTC());
        budget.sync(Map.of("sim", 9L));
        assertThat(budget.tryAcquire("sim")).isTrue();
        assertThat(budget.tryAcquire("sim")).isFalse();
        assertThat(budget.tryAcquire("other")).isTrue();
    }

    @Test
    void withoutAKeyNothingIsSent() {
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)));
        Optional<ModelResult> result = checker(Map.of()).check(target("/v1/chat", Duration.ofSeconds(5)),
                "NO_SUCH_KEY_VARIABLE").join();
        assertThat(result).isEmpty();
        assertThat(this.simulator.hits("/v1/chat")).isZero();
    }

    @Test
    void theSpringPropertyKeyIsUsedBeforeTheEnvironmentVariable() {
        this.environment.setProperty("llmstatus.models.keys.sim", "sk-sim-from-property-000000000000");
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)
            .requireKey("sk-sim-from-property-000000000000")));
        Optional<ModelResult> result = checker(Map.of()).check(target("/v1/chat", Duration.ofSeconds(5)),
                "SIM_API_KEY").join();
        assertThat(result).hasValueSatisfying((r) -> assertThat(r.outcome()).isEqualTo(ModelOutcome.OK));
    }

    @Test
    void retryAfterPausesTheModelsChecks() {
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)
            .failing(Failure.RATE_LIMITED).retryAfter("120")));
        ModelChecker checker = checker(Map.of());
        ModelTarget target = target("/v1/chat", Duration.ofSeconds(5));
        assertThat(checker.check(target, "SIM_API_KEY").join()).isPresent();
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)));
        assertThat(checker.check(target, "SIM_API_KEY").join()).isEmpty();
        assertThat(this.simulator.hits("/v1/chat")).isEqualTo(1);
        assertThat(skipped("retry_after")).isEqualTo(1);
    }

    @Test
    void retryAfterReadsSecondsAndDatesAndIsCapped() {
        ModelChecker checker = checker(Map.of("llmstatus.models.max-retry-after", "10m"));
        java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(checker.retryAfter("30", now)).isEqualTo(Duration.ofSeconds(30));
        assertThat(checker.retryAfter("Thu, 01 Jan 2026 00:02:00 GMT", now)).isEqualTo(Duration.ofMinutes(2));
        assertThat(checker.retryAfter("86400", now)).isEqualTo(Duration.ofMinutes(10));
        assertThat(checker.retryAfter("soon", now)).isNull();
    }

    @Test
    void oneCheckInFlightPerModel() throws Exception {
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)
            .ending(Ending.STALL_HALFWAY)));
        ModelChecker checker = checker(Map.of());
        ModelTarget target = target("/v1/chat", Duration.ofSeconds(2));
        var first = checker.check(target, "SIM_API_KEY");
        assertThat(checker.check(target, "SIM_API_KEY").join()).isEmpty();
        assertThat(first.join()).hasValueSatisfying(
                (result) -> assertThat(result.outcome()).isEqualTo(ModelOutcome.STREAM_STALLED));
        assertThat(this.simulator.hits("/v1/chat")).isEqualTo(1);
        assertThat(skipped("in_flight")).isEqualTo(1);
    }

    @Test
    void ourOwnKeyProblemWarnsTheOperatorInTheLogAndMetricsWithoutTheKey(CapturedOutput output) {
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)
            .failing(Failure.INVALID_KEY)));
        ModelChecker checker = checker(Map.of());
        ModelResult result = checker.check(target("/v1/chat", Duration.ofSeconds(5)), "SIM_API_KEY").join().get();
        checker.check(target("/v1/chat", Duration.ofSeconds(5)), "SIM_API_KEY").join();
        assertThat(result.outcome()).isEqualTo(ModelOutcome.KEY_REJECTED);
        assertThat(output.getOut()).containsOnlyOnce("Model check sim/sim-model: our API key was refused")
            .contains("This is not the provider's outage")
            .doesNotContain(KEY.substring(0, 8), KEY.substring(KEY.length() - 6));
        assertThat(this.registry.get("llmstatus.model.operator.warnings").tag("outcome", "key_rejected").counter()
            .count()).isEqualTo(2);
    }

    @Test
    void metricsRecordTtftAndTokensPerSecondWithPercentiles() {
        this.simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)));
        checker(Map.of()).check(target("/v1/chat", Duration.ofSeconds(5)), "SIM_API_KEY").join();
        var ttft = this.registry.get("llmstatus.model.ttft").tags("provider", "sim", "model", "sim-model", "outcome",
                "ok").summary();
        assertThat(ttft.count()).isEqualTo(1);
        assertThat(ttft.takeSnapshot().percentileValues()).hasSize(3);
        assertThat(this.registry.get("llmstatus.model.tokens.per.second").summary().count()).isEqualTo(1);
        assertThat(this.registry.get("llmstatus.model.checks").tag("outcome", "ok").counter().count()).isEqualTo(1);
    }

}
