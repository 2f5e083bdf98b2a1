package dev.llmstatus.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.status.Status;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorVerdictTests {

    @ParameterizedTest(
            name = "offline={0} seen={1} fresh={2} level={3} incidents={4} reports={5} observable={6} -> {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # offline | seen | fresh | level          | incidents | reports | observable | verdict
            false     | 0    | 2     | OPERATIONAL    | 0         | 0       | true       | YOUR_SIDE
            false     | 0    | 2     | OPERATIONAL    | 0         | 0       | false      | YOUR_SIDE
            false     | 1    | 2     | OPERATIONAL    | 0         | 0       | true       | PROVIDER_WIDE
            false     | 1    | 2     | OPERATIONAL    | 0         | 0       | false      | PROVIDER_WIDE
            false     | 2    | 2     | PARTIAL_OUTAGE | 1         | 0       | true       | PROVIDER_WIDE
            false     | 0    | 2     | DEGRADED       | 0         | 0       | true       | PROVIDER_WIDE
            false     | 0    | 2     | MAJOR_OUTAGE   | 0         | 0       | true       | PROVIDER_WIDE
            false     | 0    | 2     | MAINTENANCE    | 0         | 0       | true       | PROVIDER_WIDE
            false     | 0    | 2     | OPERATIONAL    | 1         | 0       | true       | PROVIDER_WIDE
            false     | 0    | 2     | PARTIAL_OUTAGE | 0         | 0       | false      | NOT_ENOUGH_SIGNAL
            false     | 0    | 2     | PARTIAL_OUTAGE | 0         | 3       | false      | PROVIDER_WIDE
            false     | 0    | 2     | OPERATIONAL    | 1         | 5       | false      | PROVIDER_WIDE
            false     | 0    | 2     | OPERATIONAL    | 0         | 2       | true       | YOUR_SIDE
            false     | 0    | 2     | OPERATIONAL    | 0         | 3       | true       | NOT_ENOUGH_SIGNAL
            false     | 0    | 2     | OPERATIONAL    | 0         | 40      | false      | NOT_ENOUGH_SIGNAL
            false     | 0    | 0     | UNKNOWN        | 0         | 0       | true       | NOT_ENOUGH_SIGNAL
            false     | 0    | 1     | UNKNOWN        | 0         | 0       | true       | NOT_ENOUGH_SIGNAL
            false     | 0    | 0     | OPERATIONAL    | 0         | 0       | true       | NOT_ENOUGH_SIGNAL
            true      | 0    | 0     | UNKNOWN        | 0         | 0       | true       | NOT_ENOUGH_SIGNAL
            true      | 0    | 0     | UNKNOWN        | 1         | 9       | true       | NOT_ENOUGH_SIGNAL
            """)
    void verdictFollowsTheLiveSignals(boolean offline, int seen, int fresh, Status level, int incidents, long reports,
            boolean observable, ErrorVerdict.Call expected) {
        ErrorVerdict verdict = ErrorVerdict
            .decide(signals(offline, seen, fresh, level, incidents, reports, observable));
        assertThat(verdict.call()).isEqualTo(expected);
        assertThat(verdict.sentence()).isNotBlank();
    }

    @Test
    void everyVerdictShowsAllFourSignalsWithWhatTheySay() {
        ErrorVerdict verdict = ErrorVerdict.decide(signals(false, 1, 2, Status.PARTIAL_OUTAGE, 1, 0, true));
        assertThat(verdict.evidence()).extracting(ErrorVerdict.Evidence::signal)
            .containsExactly("Our prober", "StepFun status", "Ongoing incidents", "Community reports");
        assertThat(verdict.evidence().get(0).finding())
            .isEqualTo("Getting Rate limit exceeded (429) right now: API: HTTP 429 at 11:59 UTC.");
        assertThat(verdict.evidence().get(1).finding()).isEqualTo("Partial outage: API failing.");
        assertThat(verdict.evidence().get(2).finding()).isEqualTo("StepFun: partial outage of API.");
        assertThat(verdict.evidence().get(3).finding()).isEqualTo("0 people reported rate limits in the last hour.");
        assertThat(verdict.sentence()).contains("send no API key").contains("not just you");
    }

    @Test
    void anErrorOurKeylessProbesCannotTriggerIsSaidToBeInvisibleToThem() {
        ErrorVerdict verdict = ErrorVerdict.decide(signals(false, 0, 2, Status.OPERATIONAL, 0, 1, false));
        assertThat(verdict.evidence().get(0).finding()).startsWith("Cannot see this error: our checks send no API key")
            .contains("API: HTTP 401 at 11:59 UTC");
        assertThat(verdict.evidence().get(3).finding()).isEqualTo("1 person reported rate limits in the last hour.");
    }

    @Test
    void anOfflineMonitorIsNeverEvidenceAgainstTheProvider() {
        ErrorVerdict verdict = ErrorVerdict.decide(signals(true, 0, 0, Status.UNKNOWN, 0, 0, true));
        assertThat(verdict.evidence().get(0).finding()).startsWith("Offline: our monitor cannot reach the internet");
        assertThat(verdict.sentence()).contains("monitor is offline");
    }

    private static ErrorVerdict.Signals signals(boolean offline, int seen, int fresh, Status level, int incidents,
            long reports, boolean observable) {
        List<String> sightings = java.util.stream.IntStream.range(0, seen).mapToObj((i) -> "API: HTTP 429 at 11:59 UTC")
            .toList();
        List<String> checked = java.util.stream.IntStream.range(0, fresh)
            .mapToObj((i) -> (i < seen) ? "API: HTTP 429 at 11:59 UTC" : "API: HTTP 401 at 11:59 UTC")
            .toList();
        List<String> ongoing = java.util.stream.IntStream.range(0, incidents)
            .mapToObj((i) -> "StepFun: partial outage of API")
            .toList();
        return new ErrorVerdict.Signals("StepFun", "Rate limit exceeded (429)", observable, offline, sightings, checked,
                level, "API failing", ongoing, reports, "rate limits", false);
    }

}
