package dev.llmstatus.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.status.LatencyPoint;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.UptimeDay;
import dev.llmstatus.system.ChartScale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table tests for the chart geometry and the words that stand in for the charts.
 */
class ChartsTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            1,    1
            3,    5
            7,    10
            10,   10
            11,   20
            230,  500
            999,  1000
            1001, 2000
            4200, 5000
            """)
    void latencyScaleEndsOnARoundNumber(long max, long scale) {
        assertThat(ChartScale.niceCeiling(max)).isEqualTo(scale);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            OPERATIONAL,    bar-op
            MAINTENANCE,    bar-op
            DEGRADED,       bar-deg
            PARTIAL_OUTAGE, bar-part
            MAJOR_OUTAGE,   bar-maj
            UNKNOWN,        bar-none
            """)
    void eachDayLevelHasItsColour(Status level, String css) {
        assertThat(Charts.barClass(level)).isEqualTo(css);
    }

    /** Days: one letter per day, oldest first: U checks all passed, F some failed, - no data (offline or none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ---         | No checks recorded in the last 90 days yet.
            UU-         | over 2 days with data; no day had a failed check.
            UF-F        | over 3 days with data; 2 days had failed checks.
            -F          | over 1 day with data; 1 day had failed checks.
            """)
    void barsSayHowManyDaysHadDataAndHowManyFailed(String days, String words) {
        List<UptimeDay> bars = new ArrayList<>();
        for (int i = 0; i < days.length(); i++) {
            char code = days.charAt(i);
            LocalDate date = LocalDate.parse("2026-11-01").plusDays(i);
            bars.add(switch (code) {
                case 'U' -> new UptimeDay(date, 100, 0, 24, 24, Status.OPERATIONAL);
                case 'F' -> new UptimeDay(date, 100, 20, 24, 24, Status.MAJOR_OUTAGE);
                default -> new UptimeDay(date, 0, 0, 0, 24, Status.UNKNOWN);
            });
        }
        Charts.ComponentCharts charts = Charts.of(StatusPagesFixtures.component(bars, List.of()));
        assertThat(charts.barsSummary()).endsWith(words);
        assertThat(charts.bars()).hasSize(days.length());
        for (int i = 0; i < days.length(); i++) {
            assertThat(charts.bars().get(i).css()).as("day " + i)
                .isEqualTo(switch (days.charAt(i)) {
                    case 'U' -> "bar-op";
                    case 'F' -> "bar-maj";
                    default -> "bar-none";
                });
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --------           | false | No latency data in the last 24 hours yet.
            -,-,-,-,100,200    | true  | typical hourly median 200 ms
            120,-,-,130        | true  | no data for 2 hours
            """)
    void latencyChartDrawsOnlyHoursWithDataAndSaysWhatIsMissing(String hours, boolean drawn, String words) {
        List<LatencyPoint> points = new ArrayList<>();
        String[] values = hours.contains(",") ? hours.split(",") : hours.split("");
        for (int i = 0; i < values.length; i++) {
            Long value = values[i].equals("-") ? null : Long.valueOf(values[i]);
            points.add(new LatencyPoint(NOW.minusSeconds(3600L * (values.length - 1 - i)), value,
                    (value != null) ? value * 2 : null));
        }
        Charts.ComponentCharts charts = Charts.of(StatusPagesFixtures.component(List.of(), points));
        assertThat(charts.hasLatency()).isEqualTo(drawn);
        assertThat(charts.latencySummary()).contains(words);
    }

}
