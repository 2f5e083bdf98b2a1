package dev.llmstatus.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.llmstatus.system.ChartScale;

/**
 * Turns one provider's report counts into its {@link ReportSummary}: the baseline, spike detection, the words and the
 * chart. Pure functions of the counts and the present, so that tests can drive them through exact tables.
 */
final class ReportSummaries {

    static final int COMMENTS = 5;

    /** 5-minute slots in the 24-hour chart. */
    static final int SLOTS = 288;

    /** Days of history the baseline takes the median over. */
    static final int BASELINE_DAYS = 7;

    static final Duration SPIKE_WINDOW = Duration.ofMinutes(15);

    private static final int SLOTS_PER_HOUR = 12;

    private static final int SLOT_WIDTH = 3;

    private static final int WIDTH = SLOTS * SLOT_WIDTH;

    private static final int HEIGHT = 132;

    private static final int TOP = 14;

    private static final int BOTTOM = 112;

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private static final Pattern LINK = Pattern.compile(
            "(?i)\\b(?:[a-z][a-z0-9+.-]{1,15}://\\S*|(?:javascript|data|mailto|tel|file):\\S+|www\\.\\S+)");

    static final ReportSummary NONE = summarise(Instant.EPOCH, Rows.EMPTY, 5, 3);

    private ReportSummaries() {
    }

    /**
     * People who reported in three windows.
     *
     * @param last15Minutes in the last 15 minutes
     * @param lastHour in the last hour
     * @param lastDay in the last 24 hours
     */
    record Counts(long last15Minutes, long lastHour, long lastDay) {

        static final Counts ZERO = new Counts(0, 0, 0);

    }

    /**
     * What the database gave for one provider.
     *
     * @param total people in each window, all types together
     * @param byType people in each window per type; missing types had none
     * @param slots people per 5-minute slot (epoch seconds / 300) over the last 24 hours
     * @param hours people per hour (epoch seconds / 3600) over the baseline's days
     * @param comments the latest comments, newest first, links not yet removed
     */
    record Rows(Counts total, Map<ReportType, Counts> byType, Map<Long, Long> slots, Map<Long, Long> hours,
            List<ReportSummary.Comment> comments) {

        static final Rows EMPTY = new Rows(Counts.ZERO, Map.of(), Map.of(), Map.of(), List.of());

    }

    static ReportSummary summarise(Instant now, Rows rows, int spikeMinReporters, double spikeFactor) {
        long hour = Math.floorDiv(now.getEpochSecond(), 3600);
        double usual = usualPerHour(rows.hours(), hour);
        Counts total = rows.total();
        boolean spike = spike(total.last15Minutes(), usual, spikeMinReporters, spikeFactor);
        List<ReportSummary.TypeCount> byType = new ArrayList<>();
        for (ReportType type : ReportType.values()) {
            Counts counts = rows.byType().getOrDefault(type, Counts.ZERO);
            byType.add(new ReportSummary.TypeCount(type, counts.last15Minutes(), counts.lastHour(), counts.lastDay()));
        }
        List<ReportSummary.Comment> comments = rows.comments()
            .stream()
            .limit(COMMENTS)
            .map((c) -> new ReportSummary.Comment(c.at(), c.type(), c.component(), withoutLinks(c.errorCode()),
                    withoutLinks(c.text())))
            .toList();
        return new ReportSummary(total.last15Minutes(), total.lastHour(), total.lastDay(), byType, usual, spike,
                headline(total, byType), spike ? evidence(total.last15Minutes(), usual) : null, comments,
                chart(now, rows, total.lastDay(), usual));
    }

    /** The median of the same hour of day over the {@value #BASELINE_DAYS} days before; hours without reports count as 0. */
    static double usualPerHour(Map<Long, Long> hours, long hour) {
        long[] values = new long[BASELINE_DAYS];
        for (int day = 1; day <= BASELINE_DAYS; day++) {
            values[day - 1] = hours.getOrDefault(hour - 24L * day, 0L);
        }
        Arrays.sort(values);
        return values[BASELINE_DAYS / 2];
    }

    /**
     * Users are reporting problems when the last 15 minutes reach both the minimum number of people and
     * {@code factor} times the baseline scaled to 15 minutes.
     */
    static boolean spike(long last15Minutes, double usualPerHour, int minReporters, double factor) {
        double usual15 = usualPerHour * SPIKE_WINDOW.toMinutes() / 60.0;
        return last15Minutes >= minReporters && last15Minutes >= factor * usual15;
    }

    static String headline(Counts total, List<ReportSummary.TypeCount> byType) {
        if (total.lastHour() == 0) {
            return (total.lastDay() == 0) ? "No recent reports"
                    : "No reports in the last hour; " + total.lastDay() + " in the last 24 hours";
        }
        ReportSummary.TypeCount top = byType.get(0);
        for (ReportSummary.TypeCount count : byType) {
            if (count.lastHour() > top.lastHour()) {
                top = count;
            }
        }
        String count = plural(total.lastHour(), "report") + " in the last hour";
        if (total.lastHour() == 1) {
            return count + ", about " + top.type().phrase();
        }
        long percent = Math.min(100, Math.round(100.0 * top.lastHour() / total.lastHour()));
        return (percent == 100) ? count + ", all about " + top.type().phrase()
                : count + ", most about " + top.type().phrase() + " (" + percent + "%)";
    }

    static String evidence(long last15Minutes, double usualPerHour) {
        return last15Minutes + " people reported problems in the last 15 minutes; " + usual(usualPerHour)
                + " at this time of day (median of the same hour over the last " + BASELINE_DAYS + " days)";
    }

    private static String usual(double perHour) {
        if (perHour == 0) {
            return "usually nobody does";
        }
        return (perHour < 1) ? "usually fewer than one an hour"
                : "usually about " + Math.round(perHour) + " an hour";
    }

    /** Links become plain words, so that a comment can never send a visitor anywhere. */
    static String withoutLinks(String text) {
        return (text != null) ? LINK.matcher(text).replaceAll("[link removed]") : null;
    }

    static ReportSummary.Chart chart(Instant now, Rows rows, long lastDay, double usualNow) {
        long lastSlot = Math.floorDiv(now.getEpochSecond(), CommunityReport.BUCKET_SECONDS);
        long firstSlot = lastSlot - SLOTS + 1;
        long[] counts = new long[SLOTS];
        double[] usual = new double[SLOTS];
        long most = 0;
        int busiest = -1;
        double mostUsual = 0;
        for (int i = 0; i < SLOTS; i++) {
            counts[i] = rows.slots().getOrDefault(firstSlot + i, 0L);
            if (counts[i] > most) {
                most = counts[i];
                busiest = i;
            }
            usual[i] = usualPerHour(rows.hours(), Math.floorDiv(firstSlot + i, SLOTS_PER_HOUR)) / SLOTS_PER_HOUR;
            mostUsual = Math.max(mostUsual, usual[i]);
        }
        long scale = ChartScale.niceCeiling(Math.max(1, Math.max(most, (long) Math.ceil(mostUsual))));
        List<ReportSummary.Bar> bars = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            if (counts[i] > 0) {
                int height = Math.max(1, (int) Math.round((double) counts[i] / scale * (BOTTOM - TOP)));
                bars.add(new ReportSummary.Bar(i * SLOT_WIDTH, BOTTOM - height, height));
            }
        }
        String baseline = (mostUsual == 0) ? "" : steps(usual, scale);
        Instant start = Instant.ofEpochSecond(firstSlot * CommunityReport.BUCKET_SECONDS);
        List<ReportSummary.Label> labels = List.of(new ReportSummary.Label(4, TOP + 10, "start", Long.toString(scale)),
                new ReportSummary.Label(4, BOTTOM - 4, "start", "0"),
                new ReportSummary.Label(2, HEIGHT - 4, "start", CLOCK.format(start)),
                new ReportSummary.Label(WIDTH - 2, HEIGHT - 4, "end", "now"));
        String summary;
        if (lastDay == 0) {
            summary = "No reports in the last 24 hours; " + usual(usualNow) + " at this time of day.";
        }
        else {
            Instant peak = Instant.ofEpochSecond((firstSlot + busiest) * CommunityReport.BUCKET_SECONDS);
            summary = "Last 24 hours: " + plural(lastDay, "person") + " reported problems; the busiest 5 minutes began at "
                    + CLOCK.format(peak) + " with " + most + "; " + usual(usualNow) + " at this time of day.";
        }
        return new ReportSummary.Chart(WIDTH, HEIGHT, bars, baseline, labels, summary);
    }

    private static String steps(double[] usual, long scale) {
        StringBuilder points = new StringBuilder();
        double previous = Double.NaN;
        for (int i = 0; i < usual.length; i++) {
            double y = BOTTOM - usual[i] / scale * (BOTTOM - TOP);
            if (y != previous) {
                if (i > 0) {
                    points.append(point(i * SLOT_WIDTH, previous));
                }
                points.append(point(i * SLOT_WIDTH, y));
                previous = y;
            }
        }
        return points.append(point(WIDTH, previous)).toString().trim();
    }

    private static String point(int x, double y) {
        return String.format(Locale.ROOT, "%d,%.1f ", x, y);
    }

    private static String plural(long count, String word) {
        if (count == 1) {
            return "1 " + word;
        }
        return count + " " + (word.equals("person") ? "people" : word + "s");
    }

}
