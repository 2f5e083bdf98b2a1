package dev.llmstatus.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One provider's community reports as the snapshot shows them. Every count is of distinct people: someone who
 * reports twice within a window counts once in it.
 *
 * @param last15Minutes people who reported in the last 15 minutes
 * @param lastHour people who reported in the last hour
 * @param lastDay people who reported in the last 24 hours
 * @param byType the same three counts for each problem type, in {@link ReportType} order, every type present
 * @param usualPerHour the baseline: the median number of people reporting in the same hour of day over the last 7
 * days
 * @param spike whether users are reporting problems: the last 15 minutes reached both the minimum number of people
 * and the configured multiple of the baseline. A signal shown with its evidence; it never sets the provider's level
 * @param headline the reports in one line ("23 reports in the last hour, most about rate limits (61%)")
 * @param evidence why {@code spike} is true, in words, or {@code null} when it is not
 * @param comments the latest comments, newest first, at most {@value ReportSummaries#COMMENTS}
 * @param chart the last 24 hours in 5-minute slots against the baseline
 */
public record ReportSummary(long last15Minutes, long lastHour, long lastDay, List<TypeCount> byType,
        double usualPerHour, boolean spike, String headline, String evidence, List<Comment> comments, Chart chart) {

    public ReportSummary {
        byType = List.copyOf(byType);
        comments = List.copyOf(comments);
    }

    /** No reports at all: before the first rebuild, or for a provider nobody reported. */
    public static ReportSummary none() {
        return ReportSummaries.NONE;
    }

    /** People who reported this type in the last hour. */
    public long lastHour(ReportType type) {
        return this.byType.get(type.ordinal()).lastHour();
    }

    /** People who reported this type in the last 15 minutes. */
    public long last15Minutes(ReportType type) {
        return this.byType.get(type.ordinal()).last15Minutes();
    }

    /** Whether anyone reported in the last 24 hours. */
    public boolean any() {
        return this.lastDay > 0;
    }

    /** The types reported in the last 24 hours, the most reported in the last hour first. */
    public List<TypeCount> breakdown() {
        return this.byType.stream()
            .filter((count) -> count.lastDay() > 0)
            .sorted(Comparator.comparingLong(TypeCount::lastHour)
                .thenComparingLong(TypeCount::lastDay)
                .reversed()
                .thenComparing(TypeCount::type))
            .toList();
    }

    /**
     * People who reported one type of problem.
     *
     * @param type the problem
     * @param last15Minutes in the last 15 minutes
     * @param lastHour in the last hour
     * @param lastDay in the last 24 hours
     */
    public record TypeCount(ReportType type, long last15Minutes, long lastHour, long lastDay) {
    }

    /**
     * A comment as pages show it: plain text with links removed. Templates must still escape it ({@code th:text}).
     *
     * @param at when it was reported
     * @param type the problem reported with it
     * @param component the component's name, or {@code null} for the whole service
     * @param errorCode the error code given, or {@code null}
     * @param text the comment
     */
    public record Comment(Instant at, ReportType type, String component, String errorCode, String text) {
    }

    /**
     * Geometry for the inline SVG chart, with the words that stand in for it.
     *
     * @param width the SVG width
     * @param height the SVG height
     * @param bars one per 5-minute slot with reports
     * @param baseline polyline points of the usual number per 5 minutes, or empty when it is zero throughout
     * @param labels axis labels
     * @param summary the chart in words, its text alternative
     */
    public record Chart(int width, int height, List<Bar> bars, String baseline, List<Label> labels, String summary) {

        public Chart {
            bars = List.copyOf(bars);
            labels = List.copyOf(labels);
        }

        /** Whether there is anything to draw. */
        public boolean drawn() {
            return !this.bars.isEmpty();
        }

    }

    /**
     * One 5-minute slot.
     *
     * @param x left edge
     * @param y top edge
     * @param height bar height
     */
    public record Bar(int x, int y, int height) {
    }

    /**
     * An axis label.
     *
     * @param x position
     * @param y baseline position
     * @param anchor SVG text-anchor
     * @param text the words
     */
    public record Label(int x, int y, String anchor, String text) {
    }

}
