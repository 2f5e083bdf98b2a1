package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.probe.HourlyRollup;
import dev.llmstatus.probe.ProbeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table tests: each row is a series of hours before the current one (one letter per hour, oldest first, U up, D
 * down, N offline: a network-level failure that never reached the provider, - nothing recorded).
 */
class UptimeCalculatorTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:30:00Z");

    private static final Instant HOUR = Instant.parse("2026-11-23T12:00:00Z");

    @ParameterizedTest(name = "{0} -> 24 h {1}, covered {2}")
    @CsvSource(textBlock = """
            UUUU,             100.00%,  16%
            UUDD,             50.00%,   16%
            NNNN,             no data,  0%
            UUNN,             100.00%,  8%
            NNNNNNNNNNNNNNNN, no data,  0%
            UU--UU,           100.00%,  16%
            DDNN,             0.00%,    8%
            """)
    void uptimeCountsOnlyChecksThatReachedTheProvider(String hours, String expected, String covered) {
        Uptime uptime = calculator(hours, "").uptime();
        assertThat(Uptime.percent(uptime.day())).isEqualTo(expected);
        assertThat(Uptime.covered(uptime.coverage().day())).isEqualTo(covered);
    }

    @Test
    void offlineCurrentHourIsNoDataNotAFailure() {
        UptimeCalculator calculator = calculator("UUU", "NNNN");
        assertThat(calculator.uptime().day()).isEqualTo(1.0);
        assertThat(calculator.latency().get(UptimeCalculator.LATENCY_HOURS - 1).p50Millis()).isNull();
    }

    @Test
    void currentHourFromRawResultsCountsItsFailures() {
        UptimeCalculator calculator = calculator("UUU", "UD");
        assertThat(Uptime.percent(calculator.uptime().day())).isEqualTo("92.85%");
    }

    @Test
    void aDaySeenOnlyOfflineIsGreyNotRed() {
        List<HourlyRollup> rollups = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            rollups.add(rollup(Instant.parse("2026-11-20T00:00:00Z").plus(Duration.ofHours(h)), 'N'));
        }
        rollups.add(rollup(Instant.parse("2026-11-21T05:00:00Z"), 'D'));
        List<UptimeDay> days = new UptimeCalculator(rollups, List.of(), NOW).days();
        UptimeDay offline = day(days, "2026-11-20");
        assertThat(offline.level()).isEqualTo(Status.UNKNOWN);
        assertThat(offline.describe()).isEqualTo("2026-11-20: no data");
        UptimeDay failing = day(days, "2026-11-21");
        assertThat(failing.level()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(failing.describe()).contains("data for 1 of 24 hours");
        assertThat(days).hasSize(UptimeCalculator.BAR_DAYS);
        assertThat(days.get(days.size() - 1).hours()).isEqualTo(13);
    }

    @ParameterizedTest(name = "{0} checks, {1} failed -> {2}")
    @CsvSource(textBlock = """
            0,   0,  UNKNOWN
            100, 0,  OPERATIONAL
            100, 1,  DEGRADED
            100, 5,  PARTIAL_OUTAGE
            100, 10, MAJOR_OUTAGE
            """)
    void dayLevelFollowsTheShareOfFailedChecks(int checks, int failures, Status expected) {
        assertThat(UptimeCalculator.dayLevel(checks, failures)).isEqualTo(expected);
    }

    @Test
    void percentilesAreNearestRankOverChecksThatReachedTheProvider() {
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            results.add(withLatency(Results.result("p", "api", 'U', HOUR.plusSeconds(i)), i * 10));
        }
        results.add(Results.result("p", "api", 'N', HOUR.plusSeconds(30)));
        HourlyRollup rollup = UptimeCalculator.rollUp(results, HOUR);
        assertThat(rollup.checks()).isEqualTo(20);
        assertThat(rollup.p50Millis()).isEqualTo(100);
        assertThat(rollup.p95Millis()).isEqualTo(190);
    }

    private static UptimeDay day(List<UptimeDay> days, String date) {
        return days.stream().filter((d) -> d.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
    }

    private static UptimeCalculator calculator(String hours, String current) {
        List<HourlyRollup> rollups = new ArrayList<>();
        for (int i = 0; i < hours.length(); i++) {
            char code = hours.charAt(i);
            if (code != '-') {
                rollups.add(rollup(HOUR.minus(Duration.ofHours(hours.length() - i)), code));
            }
        }
        List<ProbeResult> raw = new ArrayList<>();
        for (int i = 0; i < current.length(); i++) {
            raw.add(Results.result("p", "api", current.charAt(i), HOUR.plusSeconds(60L * i)));
        }
        return new UptimeCalculator(rollups, raw, NOW);
    }

    /** An hour of four probes, all with the given outcome. */
    private static HourlyRollup rollup(Instant hour, char code) {
        List<ProbeResult> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(Results.result("p", "api", code, hour.plusSeconds(60L * i)));
        }
        return UptimeCalculator.rollUp(results, hour);
    }

    private static ProbeResult withLatency(ProbeResult r, long millis) {
        return new ProbeResult(r.provider(), r.component(), r.startedAt(), Duration.ofMillis(millis), r.httpStatus(),
                r.outcome(), r.errorClass(), r.tls(), r.retryAfter(), r.contentType(), r.signatures(), r.detail());
    }

}
