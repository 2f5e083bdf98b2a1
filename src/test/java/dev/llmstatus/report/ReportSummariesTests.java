package dev.llmstatus.report;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class ReportSummariesTests {

    private static final Instant NOW = Instant.parse("2026-11-23T14:07:00Z");

    private final MutableClock clock = new MutableClock(NOW);

    @ParameterizedTest(name = "same hour on the last 7 days {0} -> usual {1}")
    @CsvSource({ "0 0 0 0 0 0 0, 0", "2 2 2 2 2 2 2, 2", "1 2 3 4 5 6 7, 4", "0 0 0 0 9 9 9, 0",
            "40 1 1 1 1 1 1, 1", "0 0 0 3 3 3 3, 3" })
    void baselineIsTheMedianOfTheSameHourOverTheLastSevenDays(String days, double usual) {
        long hour = Math.floorDiv(this.clock.instant().getEpochSecond(), 3600);
        Map<Long, Long> hours = new HashMap<>();
        String[] counts = days.split(" ");
        for (int day = 1; day <= 7; day++) {
            hours.put(hour - 24L * day, Long.parseLong(counts[day - 1]));
        }
        // Other hours of the same days and today's own hour never count.
        hours.put(hour, 500L);
        hours.put(hour - 24 - 1, 500L);
        hours.put(hour - 24 * 8, 500L);
        assertThat(ReportSummaries.usualPerHour(hours, hour)).isEqualTo(usual);
    }

    @ParameterizedTest(name = "{0} people in 15 min, usual {1}/h, min {2}, k {3} -> spike {4}")
    @CsvSource({
            // last 15 min, usual per hour, minimum people, factor, spike?
            "0, 0, 5, 3, false",
            "4, 0, 5, 3, false", // below the minimum, however quiet it usually is
            "5, 0, 5, 3, true",
            "5, 4, 5, 3, true", // 4/h is 1 per 15 min; 5 >= 3 x 1
            "5, 8, 5, 3, false", // 8/h is 2 per 15 min; 5 < 3 x 2
            "6, 8, 5, 3, true",
            "30, 40, 5, 3, true", // 40/h is 10 per 15 min; 30 >= 3 x 10
            "29, 40, 5, 3, false",
            "29, 40, 5, 2, true", // a lower factor
            "9, 0, 10, 3, false", // a higher minimum
    })
    void spikeNeedsBothTheMinimumNumberOfPeopleAndAMultipleOfTheBaseline(long last15, double usual, int min,
            double factor, boolean spike) {
        assertThat(ReportSummaries.spike(last15, usual, min, factor)).isEqualTo(spike);
    }

    @Test
    void spikeIsDetectedAgainstTheBaselineAsTheClockMoves() {
        Map<Long, Long> slots = new HashMap<>();
        Map<Long, Long> hours = new HashMap<>();
        long hour = Math.floorDiv(NOW.getEpochSecond(), 3600);
        for (int day = 1; day <= 7; day++) {
            hours.put(hour - 24L * day, 8L);
        }
        ReportSummaries.Rows rows = rows(new ReportSummaries.Counts(6, 6, 6), slots, hours);
        ReportSummary summary = ReportSummaries.summarise(this.clock.instant(), rows, 5, 3);
        assertThat(summary.usualPerHour()).isEqualTo(8);
        assertThat(summary.spike()).isTrue();
        assertThat(summary.evidence()).isEqualTo("6 people reported problems in the last 15 minutes; usually about 8 "
                + "an hour at this time of day (median of the same hour over the last 7 days)");
        // An hour later the same hour of the previous days had nobody: the baseline drops, not the verdict.
        this.clock.advance(Duration.ofHours(1));
        assertThat(ReportSummaries.summarise(this.clock.instant(), rows, 5, 3).usualPerHour()).isZero();
        this.clock.advance(Duration.ofHours(23));
        assertThat(ReportSummaries.summarise(this.clock.instant(), rows, 5, 3).usualPerHour()).isEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0 0 0 |                           | No recent reports",
            "0 0 4 | API_ERRORS 0 0 4          | No reports in the last hour; 4 in the last 24 hours",
            "1 1 1 | RATE_LIMITS 1 1 1         | 1 report in the last hour, about rate limits",
            "3 3 3 | SLOW 3 3 3                | 3 reports in the last hour, all about slow responses",
            "9 23 40 | RATE_LIMITS 5 14 20, API_ERRORS 4 9 20 | 23 reports in the last hour, most about rate limits (61%)",
            "2 2 2 | OTHER 1 1 1, LOGIN 1 1 1  | 2 reports in the last hour, most about login or account problems (50%)" })
    void headlineIsWrittenFromTheCounts(String total, String types, String headline) {
        long[] t = numbers(total);
        Map<ReportType, ReportSummaries.Counts> byType = new HashMap<>();
        if (types != null) {
            for (String entry : types.split(",")) {
                String[] parts = entry.trim().split(" ");
                byType.put(ReportType.valueOf(parts[0]), new ReportSummaries.Counts(Long.parseLong(parts[1]),
                        Long.parseLong(parts[2]), Long.parseLong(parts[3])));
            }
        }
        ReportSummaries.Rows rows = new ReportSummaries.Rows(new ReportSummaries.Counts(t[0], t[1], t[2]), byType,
                Map.of(), Map.of(), List.of());
        ReportSummary summary = ReportSummaries.summarise(NOW, rows, 5, 3);
        assertThat(summary.headline()).isEqualTo(headline);
        for (ReportType type : byType.keySet()) {
            assertThat(summary.lastHour(type)).isEqualTo(byType.get(type).lastHour());
            assertThat(summary.last15Minutes(type)).isEqualTo(byType.get(type).last15Minutes());
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "see https://evil.example/x now | see [link removed] now",
            "HTTP://EVIL.EXAMPLE            | [link removed]",
            "go to www.spam.example today   | go to [link removed] today",
            "javascript:alert(1)            | [link removed]",
            "data:text/html;base64,PHN2Zz4= | [link removed]",
            "ftp://files.example/a b        | [link removed] b",
            "429 from api.openai.com at 12:05, ratio 3:1 | 429 from api.openai.com at 12:05, ratio 3:1" })
    void linksInCommentsBecomePlainWords(String comment, String shown) {
        assertThat(ReportSummaries.withoutLinks(comment)).isEqualTo(shown);
    }

    @Test
    void chartDrawsEachFiveMinuteSlotAgainstTheUsualNumberWithWordsForIt() {
        long lastSlot = Math.floorDiv(NOW.getEpochSecond(), 300);
        long hour = Math.floorDiv(NOW.getEpochSecond(), 3600);
        Map<Long, Long> slots = Map.of(lastSlot, 9L, lastSlot - 12, 2L, lastSlot - 287, 1L, lastSlot - 288, 50L);
        Map<Long, Long> hours = new HashMap<>();
        for (int day = 1; day <= 7; day++) {
            hours.put(hour - 24L * day, 24L);
        }
        ReportSummary.Chart chart = ReportSummaries.chart(NOW, rows(new ReportSummaries.Counts(9, 11, 12), slots, hours),
                12, 24);
        assertThat(chart.bars()).hasSize(3);
        assertThat(chart.bars().get(0).x()).isZero();
        assertThat(chart.bars().get(2).x()).isEqualTo(287 * 3);
        assertThat(chart.bars().get(2).height()).isGreaterThan(chart.bars().get(1).height());
        assertThat(chart.baseline()).isNotEmpty();
        assertThat(chart.labels()).extracting(ReportSummary.Label::text).contains("10", "0", "now", "14:10 UTC");
        assertThat(chart.summary()).isEqualTo("Last 24 hours: 12 people reported problems; the busiest 5 minutes "
                + "began at 14:05 UTC with 9; usually about 24 an hour at this time of day.");
        assertThat(ReportSummary.none().chart().drawn()).isFalse();
        assertThat(ReportSummary.none().headline()).isEqualTo("No recent reports");
    }

    private static ReportSummaries.Rows rows(ReportSummaries.Counts total, Map<Long, Long> slots,
            Map<Long, Long> hours) {
        return new ReportSummaries.Rows(total, Map.of(ReportType.API_ERRORS, total), slots, hours, List.of());
    }

    private static long[] numbers(String text) {
        String[] parts = text.trim().split(" ");
        long[] numbers = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = Long.parseLong(parts[i]);
        }
        return numbers;
    }

}
