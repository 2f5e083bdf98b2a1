package dev.llmstatus.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prober's repository queries on the real schema (Flyway migrations on H2): boundaries, order, what counts as
 * unanswered, and the columns a result keeps.
 */
@DataJpaTest
class ProbeQueriesTests {

    private static final Instant T = Instant.parse("2026-11-29T12:00:00Z");

    @Autowired
    ProbeResultRepository results;

    @Autowired
    HourlyRollupRepository rollups;

    @Test
    void resultsSinceIncludeTheBoundaryOldestFirstAndKeepEveryColumn() {
        save(result("a", "api", T.minusSeconds(1), 200, Outcome.UP, null));
        save(result("a", "api", T.plusSeconds(30), 503, Outcome.DOWN, ErrorClass.HTTP_5XX));
        save(result("b", "api", T, 401, Outcome.UP, null).underLoad(Outcome.UP, "measured under load"));
        List<ProbeResult> since = this.results.findStartedSince(T).stream().map(ProbeResultEntity::toResult).toList();
        assertThat(since).extracting(ProbeResult::provider).containsExactly("b", "a");
        ProbeResult first = since.get(0);
        assertThat(first.startedAt()).isEqualTo(T);
        assertThat(first.measuredUnderLoad()).isTrue();
        assertThat(first.detail()).isEqualTo("measured under load");
        assertThat(first.signatures()).containsExactly("rate_limit_error");
        ProbeResult second = since.get(1);
        assertThat(second.measuredUnderLoad()).isFalse();
        assertThat(second.httpStatus()).isEqualTo(503);
        assertThat(second.errorClass()).isEqualTo(ErrorClass.HTTP_5XX);
        assertThat(second.latency()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void unansweredCountsNetworkFailuresAndTimeoutsBeforeAStatusLineOnly() {
        save(result("n", "api", T, null, Outcome.DOWN, ErrorClass.DNS));
        save(result("n", "api", T.plusSeconds(1), null, Outcome.DOWN, ErrorClass.CONNECT));
        save(result("n", "api", T.plusSeconds(2), null, Outcome.DOWN, ErrorClass.TIMEOUT));
        // headers came, the body did not: the provider answered
        save(result("n", "api", T.plusSeconds(3), 200, Outcome.DOWN, ErrorClass.TIMEOUT));
        save(result("n", "api", T.plusSeconds(4), 500, Outcome.DOWN, ErrorClass.HTTP_5XX));
        save(result("m", "api", T.plusSeconds(5), 401, Outcome.UP, null));
        save(result("old", "api", T.minusSeconds(60), null, Outcome.DOWN, ErrorClass.DNS));
        Map<String, List<Long>> counts = this.results
            .countUnansweredSince(T, List.of(ErrorClass.DNS, ErrorClass.CONNECT), ErrorClass.TIMEOUT)
            .stream()
            .collect(Collectors.toMap((row) -> (String) row[0],
                    (row) -> List.of(((Number) row[1]).longValue(), ((Number) row[2]).longValue())));
        assertThat(counts).containsOnlyKeys("n", "m");
        assertThat(counts.get("n")).containsExactly(5L, 3L);
        assertThat(counts.get("m")).containsExactly(1L, 0L);
    }

    @Test
    void rollupHoursFromTheBoundaryInOrderAndDeletedFromAnHourOn() {
        Instant hour = T.minus(Duration.ofHours(3));
        for (int i = 0; i < 4; i++) {
            this.rollups.save(new HourlyRollupEntity(
                    new HourlyRollup("z", "api", hour.plus(Duration.ofHours(i)), 60, i, 0, 200, 400)));
            this.rollups.save(new HourlyRollupEntity(
                    new HourlyRollup("a", "api", hour.plus(Duration.ofHours(i)), 60, 0, 0, 200, 400)));
        }
        assertThat(this.rollups.latestHour()).isEqualTo(T);
        List<HourlyRollup> since = this.rollups.findHoursSince(T.minus(Duration.ofHours(1)))
            .stream()
            .map(HourlyRollupEntity::toRollup)
            .toList();
        assertThat(since).extracting(HourlyRollup::hour)
            .containsExactly(T.minus(Duration.ofHours(1)), T.minus(Duration.ofHours(1)), T, T);
        assertThat(since).extracting(HourlyRollup::provider).containsExactly("a", "z", "a", "z");
        assertThat(this.rollups.deleteHoursSince(T.minus(Duration.ofHours(1)))).isEqualTo(4);
        assertThat(this.rollups.latestHour()).isEqualTo(T.minus(Duration.ofHours(2)));
    }

    private void save(ProbeResult result) {
        this.results.saveAndFlush(new ProbeResultEntity(result));
    }

    private static ProbeResult result(String provider, String component, Instant at, Integer status, Outcome outcome,
            ErrorClass errorClass) {
        return new ProbeResult(provider, component, at, Duration.ofMillis(250), status, outcome, errorClass, "TLSv1.3",
                null, "application/json", (status != null && status == 401) ? List.of("rate_limit_error") : List.of(),
                "HTTP " + status);
    }

}
