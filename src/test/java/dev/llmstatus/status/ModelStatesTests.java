package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.model.ModelOutcome;
import dev.llmstatus.model.ModelResult;
import dev.llmstatus.model.ModelRollup;
import dev.llmstatus.probe.MonitorState;

import static org.assertj.core.api.Assertions.assertThat;

/** How model check results become a model's level and words. */
class ModelStatesTests {

    private static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");

    private static final ModelStates.Model MODEL = new ModelStates.Model("sim", "sim-chat", "Sim Chat",
            Duration.ofMinutes(1), true, 1000, 10);

    private static final MonitorState ONLINE = new MonitorState(false, NOW.minusSeconds(3600), NOW);

    private static ModelResult result(int minutesAgo, ModelOutcome outcome) {
        boolean ok = outcome == ModelOutcome.OK;
        Integer status = switch (outcome) {
            case SERVER_ERROR -> 503;
            case KEY_REJECTED -> 401;
            case RATE_LIMITED -> 429;
            case TIMEOUT, UNREACHABLE -> null;
            default -> 200;
        };
        return new ModelResult("sim", "sim-chat", NOW.minus(Duration.ofMinutes(minutesAgo)), outcome, status,
                ok ? 400L : null, 900, ok ? 8 : null, ok ? 50.0 : null, ok ? Boolean.TRUE : null,
                (status != null && status >= 400) ? "server_error" : null, null, null, null,
                ok ? "correct answer" : "first token after 7 s (threshold 5 s)");
    }

    private static ModelState state(ModelStates.Model model, List<ModelResult> results) {
        return ModelStates.state(model, results, List.of(), ONLINE, NOW, StatusProperties.defaults(),
                (result) -> "503-service-unavailable");
    }

    @Test
    void withoutAKeyTheModelIsUnknownAndSaysChecksAreNotConfigured() {
        ModelStates.Model unconfigured = new ModelStates.Model("sim", "sim-chat", "Sim Chat", Duration.ofMinutes(1),
                false, 1000, 0);
        ModelState state = state(unconfigured, List.of());
        assertThat(state.level()).isEqualTo(Status.UNKNOWN);
        assertThat(state.reason()).isEqualTo("model checks are not configured on this instance");
        assertThat(state.configured()).isFalse();
    }

    @Test
    void correctAnswersAreOperationalWithTheirFigures() {
        ModelState state = state(MODEL, List.of(result(3, ModelOutcome.OK), result(2, ModelOutcome.OK),
                result(1, ModelOutcome.OK)));
        assertThat(state.level()).isEqualTo(Status.OPERATIONAL);
        assertThat(state.reason()).isEqualTo("answering correctly (first token in 400 ms, 50 tokens/s)");
        assertThat(state.ttftP50()).isEqualTo(400L);
        assertThat(state.tokensPerSecondP50()).isEqualTo(50.0);
        assertThat(state.checksLastHour()).isEqualTo(3);
        assertThat(state.lastError()).isNull();
    }

    @Test
    void serverErrorsInARowAreAnOutageSinceTheFirstOfThem() {
        ModelState state = state(MODEL, List.of(result(8, ModelOutcome.OK), result(6, ModelOutcome.SERVER_ERROR),
                result(1, ModelOutcome.SERVER_ERROR)));
        assertThat(state.level()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(state.reason()).isEqualTo("failing: HTTP 503 server_error for 6 min");
        assertThat(state.since()).isEqualTo(NOW.minus(Duration.ofMinutes(6)));
        assertThat(state.lastErrorTopic()).isEqualTo("503-service-unavailable");
    }

    @Test
    void theReasonCitesTheCheckThatSupportsTheLevelNotANewerOneDampingHasNotTaken() {
        ModelState state = state(MODEL, List.of(result(6, ModelOutcome.SERVER_ERROR),
                result(3, ModelOutcome.SERVER_ERROR), result(1, ModelOutcome.OK)));
        assertThat(state.level()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(state.reason()).isEqualTo("failing: HTTP 503 server_error for 6 min");
    }

    @Test
    void oneFailureAloneDoesNotChangeTheLevel() {
        ModelState state = state(MODEL, List.of(result(3, ModelOutcome.OK), result(2, ModelOutcome.OK),
                result(1, ModelOutcome.TIMEOUT)));
        assertThat(state.level()).isEqualTo(Status.OPERATIONAL);
        assertThat(state.lastError().outcome()).isEqualTo(ModelOutcome.TIMEOUT);
    }

    @Test
    void slowFirstTokensAreDegradedAndSaySo() {
        ModelState state = state(MODEL, List.of(result(2, ModelOutcome.SLOW_FIRST_TOKEN),
                result(1, ModelOutcome.SLOW_FIRST_TOKEN)));
        assertThat(state.level()).isEqualTo(Status.DEGRADED);
        assertThat(state.reason()).isEqualTo("slow for 2 min (first token after 7 s (threshold 5 s))");
    }

    @Test
    void ourOwnKeyFailingIsUnknownAndNeverAnOutage() {
        ModelState state = state(MODEL, List.of(result(3, ModelOutcome.OK), result(2, ModelOutcome.KEY_REJECTED),
                result(1, ModelOutcome.KEY_REJECTED)));
        assertThat(state.level()).isEqualTo(Status.UNKNOWN);
        assertThat(state.reason()).isEqualTo(
                "not checked: our API key was refused (HTTP 401 server_error); this says nothing about sim");
    }

    @Test
    void staleChecksAreUnknown() {
        ModelState state = state(MODEL, List.of(result(20, ModelOutcome.OK), result(19, ModelOutcome.OK)));
        assertThat(state.level()).isEqualTo(Status.UNKNOWN);
        assertThat(state.reason()).startsWith("no fresh data: last check");
    }

    @Test
    void aUsedUpBudgetPausesChecksAndSaysWhy() {
        ModelStates.Model spent = new ModelStates.Model("sim", "sim-chat", "Sim Chat", Duration.ofMinutes(1), true,
                100, 100);
        ModelState state = state(spent, List.of(result(20, ModelOutcome.OK), result(19, ModelOutcome.OK)));
        assertThat(state.level()).isEqualTo(Status.UNKNOWN);
        assertThat(state.paused()).isTrue();
        assertThat(state.reason()).isEqualTo(
                "checks paused: today's budget of 100 requests to sim is used up; they resume at 00:00 UTC");
    }

    @Test
    void monitoringOfflineIsUnknown() {
        ModelState state = ModelStates.state(MODEL, List.of(result(2, ModelOutcome.UNREACHABLE),
                result(1, ModelOutcome.UNREACHABLE)), List.of(), new MonitorState(true, NOW, NOW), NOW,
                StatusProperties.defaults(), (result) -> null);
        assertThat(state.level()).isEqualTo(Status.UNKNOWN);
        assertThat(state.reason()).isEqualTo("no fresh data: monitoring offline");
    }

    @Test
    void chartsAndAvailabilityComeFromRollupsAndTheCurrentHour() {
        List<ModelRollup> rollups = new ArrayList<>();
        Instant hour = NOW.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        rollups.add(new ModelRollup("sim", "sim-chat", hour.minus(Duration.ofHours(2)), 60, 6, 0, 4, 300L, 800L,
                42.0));
        ModelState state = ModelStates.state(MODEL, List.of(result(2, ModelOutcome.OK), result(1, ModelOutcome.OK)),
                rollups, ONLINE, NOW, StatusProperties.defaults(), (result) -> null);
        assertThat(state.hours()).hasSize(24);
        assertThat(state.hours().get(21)).isEqualTo(new ModelState.Hour(hour.minus(Duration.ofHours(2)), 300L, 800L,
                42.0));
        assertThat(state.hours().get(23).ttftP50()).isEqualTo(400L);
        // 56 counted checks in the rollup (4 failed on our key), 6 failed; plus 2 good ones this hour
        assertThat(state.uptime().day()).isEqualTo(1.0 - 6.0 / 58);
        assertThat(state.days()).hasSize(90);
    }

}
