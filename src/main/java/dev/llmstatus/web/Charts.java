package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;

import dev.llmstatus.status.ComponentState;
import dev.llmstatus.status.LatencyPoint;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.TimeWords;
import dev.llmstatus.status.Uptime;
import dev.llmstatus.status.UptimeDay;
import dev.llmstatus.system.ChartScale;

/**
 * Geometry for the inline SVG charts, with the words that stand in for them. Server-rendered: no script, no
 * external library, and a text alternative for every chart.
 */
final class Charts {

    static final int BAR_WIDTH = 8;

    static final int BAR_STEP = 10;

    static final int BAR_HEIGHT = 34;

    static final int LATENCY_WIDTH = 720;

    static final int LATENCY_HEIGHT = 160;

    private static final int LATENCY_TOP = 12;

    private static final int LATENCY_BOTTOM = 138;

    private Charts() {
    }

    /** One day of the uptime bar. */
    record Bar(int x, String css, String title) {
    }

    /** A run of consecutive hours with data, drawn as one polyline. */
    record Line(String css, String points) {
    }

    /** One hour's median, drawn as a dot so that a lone hour with data is visible too. */
    record Dot(String cx, String cy, String title) {
    }

    /** An axis label. */
    record Label(int x, int y, String anchor, String text) {
    }

    /**
     * Everything the component's charts need.
     *
     * @param state the component
     * @param bars its 90 days
     * @param barsWidth the SVG width of the bars
     * @param barsSummary the bars in words
     * @param lines the latency lines
     * @param labels the latency chart's axis labels
     * @param latencySummary the latency chart in words
     * @param hasLatency whether any hour has data
     */
    record ComponentCharts(ComponentState state, List<Bar> bars, int barsWidth, String barsSummary, List<Line> lines,
            List<Dot> dots, List<Label> labels, String latencySummary, boolean hasLatency) {
    }

    static ComponentCharts of(ComponentState state) {
        Bars bars = bars(state.days(), state.uptime());
        LatencyGeometry latency = latency(state.latency(), Charts::millis, "latency", "slowest hour");
        return new ComponentCharts(state, bars.bars(), bars.width(), bars.summary(), latency.lines(), latency.dots(),
                latency.labels(), latency.summary(), latency.hasData());
    }

    /**
     * Everything a model's page draws: its 90 days, and its last 24 hours of time to first token and of tokens per
     * second.
     */
    record ModelCharts(List<Bar> bars, int barsWidth, String barsSummary, Series ttft, Series rate) {
    }

    /** One 24-hour line chart: lines, dots, labels, its words, and whether any hour has data. */
    record Series(List<Line> lines, List<Dot> dots, List<Label> labels, String summary, boolean hasData) {
    }

    static ModelCharts of(ModelState state) {
        Bars bars = bars(state.days(), state.uptime());
        List<LatencyPoint> ttft = state.hours().stream()
            .map((hour) -> new LatencyPoint(hour.hour(), hour.ttftP50(), hour.ttftP95()))
            .toList();
        // Tokens per second are drawn in tenths so that slow models keep their shape; the labels say the real rate.
        List<LatencyPoint> rate = state.hours().stream()
            .map((hour) -> {
                Long tenths = (hour.tokensPerSecondP50() != null) ? Math.round(hour.tokensPerSecondP50() * 10) : null;
                return new LatencyPoint(hour.hour(), tenths, tenths);
            })
            .toList();
        LatencyGeometry first = latency(ttft, Charts::millis, "time to first token", "slowest hour");
        LatencyGeometry speed = latency(rate,
                (tenths) -> String.format(Locale.ROOT, "%.1f tokens/s", tenths / 10.0), "tokens per second",
                "fastest hour");
        return new ModelCharts(bars.bars(), bars.width(), bars.summary(),
                new Series(first.lines(), first.dots(), first.labels(), first.summary(), first.hasData()),
                new Series(speed.lines().stream().filter((line) -> !line.css().contains("p95")).toList(),
                        speed.dots(), speed.labels(), speed.summary(), speed.hasData()));
    }

    private record Bars(List<Bar> bars, int width, String summary) {
    }

    private static Bars bars(List<UptimeDay> days, Uptime uptime) {
        List<Bar> bars = new ArrayList<>();
        int failedDays = 0;
        int withData = 0;
        for (int i = 0; i < days.size(); i++) {
            UptimeDay day = days.get(i);
            bars.add(new Bar(i * BAR_STEP, barClass(day.level()), day.describe()));
            if (day.checks() > 0) {
                withData++;
                if (day.failures() > 0) {
                    failedDays++;
                }
            }
        }
        String barsSummary = (withData == 0) ? "No checks recorded in the last 90 days yet."
                : "Last 90 days: " + Uptime.percent(uptime.quarter()) + " of checks succeeded over " + withData
                        + ((withData == 1) ? " day" : " days") + " with data; " + ((failedDays == 0)
                                ? "no day had a failed check." : failedDays + plural(failedDays, " day") + " had failed checks.");
        return new Bars(bars, Math.max(BAR_STEP, days.size() * BAR_STEP - 2), barsSummary);
    }

    private record LatencyGeometry(List<Line> lines, List<Dot> dots, List<Label> labels, String summary,
            boolean hasData) {
    }

    /**
     * @param unit writes a value with its unit
     * @param what the measure in words, for the summary
     * @param peak what the hour with the highest 95th percentile is called ("slowest hour")
     */
    private static LatencyGeometry latency(List<LatencyPoint> points, LongFunction<String> unit, String what,
            String peak) {
        long max = 0;
        for (LatencyPoint point : points) {
            if (point.p95Millis() != null) {
                max = Math.max(max, point.p95Millis());
            }
        }
        if (max == 0) {
            return new LatencyGeometry(List.of(), List.of(), List.of(), "No " + what + " data in the last 24 hours yet.",
                    false);
        }
        long scale = ChartScale.niceCeiling(max);
        double step = (points.size() > 1) ? (double) LATENCY_WIDTH / (points.size() - 1) : 0;
        List<Line> lines = new ArrayList<>();
        lines.addAll(runs(points, true, step, scale));
        lines.addAll(runs(points, false, step, scale));
        List<Dot> dots = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            LatencyPoint point = points.get(i);
            if (point.p50Millis() != null) {
                dots.add(new Dot(String.format(Locale.ROOT, "%.1f", i * step), String.format(Locale.ROOT, "%.1f",
                        y(point.p50Millis(), scale)), TimeWords.clock(point.hour()) + ": median "
                                + unit.apply(point.p50Millis()) + ", 95th percentile " + unit.apply(point.p95Millis())));
            }
        }
        List<Label> labels = new ArrayList<>();
        labels.add(new Label(4, LATENCY_TOP + 10, "start", unit.apply(scale)));
        labels.add(new Label(4, LATENCY_BOTTOM - 4, "start", "0"));
        if (!points.isEmpty()) {
            labels.add(new Label(2, LATENCY_HEIGHT - 4, "start", TimeWords.clock(points.get(0).hour())));
            labels.add(new Label(LATENCY_WIDTH - 2, LATENCY_HEIGHT - 4, "end", "now"));
        }
        LatencyPoint slowest = null;
        List<Long> medians = new ArrayList<>();
        int empty = 0;
        for (LatencyPoint point : points) {
            if (point.p50Millis() == null) {
                empty++;
                continue;
            }
            medians.add(point.p50Millis());
            if (slowest == null || point.p95Millis() > slowest.p95Millis()) {
                slowest = point;
            }
        }
        medians.sort(Long::compare);
        String summary = "Last 24 hours: typical hourly median " + unit.apply(medians.get(medians.size() / 2))
                + "; " + peak + " " + TimeWords.clock(slowest.hour()) + " with a 95th percentile of "
                + unit.apply(slowest.p95Millis()) + ((empty > 0) ? "; no data for " + empty + plural(empty, " hour") : "")
                + ".";
        return new LatencyGeometry(lines, dots, labels, summary, true);
    }

    private static List<Line> runs(List<LatencyPoint> points, boolean median, double step, long scale) {
        List<Line> lines = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int inRun = 0;
        for (int i = 0; i <= points.size(); i++) {
            Long value = (i < points.size()) ? (median ? points.get(i).p50Millis() : points.get(i).p95Millis()) : null;
            if (value == null) {
                if (inRun > 0) {
                    String pointsText = (inRun == 1) ? run + " " + run : run.toString();
                    lines.add(new Line(median ? "line" : "line p95", pointsText.trim()));
                }
                run.setLength(0);
                inRun = 0;
                continue;
            }
            double x = i * step;
            double y = y(value, scale);
            run.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            inRun++;
        }
        return lines;
    }

    private static double y(long value, long scale) {
        return LATENCY_BOTTOM - ((double) value / scale) * (LATENCY_BOTTOM - LATENCY_TOP);
    }

    static String millis(long millis) {
        return (millis < 1000) ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String plural(int count, String word) {
        return (count == 1) ? word : word + "s";
    }

    static String barClass(Status level) {
        return switch (level) {
            case OPERATIONAL, MAINTENANCE -> "bar-op";
            case DEGRADED -> "bar-deg";
            case PARTIAL_OUTAGE -> "bar-part";
            case MAJOR_OUTAGE -> "bar-maj";
            case UNKNOWN -> "bar-none";
        };
    }

}
