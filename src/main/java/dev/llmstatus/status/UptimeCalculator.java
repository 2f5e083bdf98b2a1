package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.llmstatus.probe.HourlyRollup;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.probe.ProbeResult;

/**
 * Uptime, the 90-day bars and the 24-hour latency chart of one component: complete hours from rollups, the
 * current hour from raw results, so that nothing is counted twice.
 */
final class UptimeCalculator {

    static final int BAR_DAYS = 90;

    static final int LATENCY_HOURS = 24;

    private final List<HourlyRollup> hours;

    private final Instant now;

    private final Instant currentHour;

    UptimeCalculator(List<HourlyRollup> rollups, List<ProbeResult> raw, Instant now) {
        this.now = now;
        this.currentHour = now.truncatedTo(ChronoUnit.HOURS);
        List<HourlyRollup> all = new ArrayList<>();
        for (HourlyRollup rollup : rollups) {
            if (rollup.hour().isBefore(this.currentHour)) {
                all.add(rollup);
            }
        }
        List<ProbeResult> current = raw.stream().filter((r) -> !r.startedAt().isBefore(this.currentHour)).toList();
        if (!current.isEmpty()) {
            all.add(rollUp(current, this.currentHour));
        }
        this.hours = all;
    }

    static HourlyRollup rollUp(List<ProbeResult> results, Instant hour) {
        int failures = 0;
        int degraded = 0;
        long[] latencies = new long[results.size()];
        for (int i = 0; i < results.size(); i++) {
            ProbeResult result = results.get(i);
            if (result.outcome() == Outcome.DOWN) {
                failures++;
            }
            else if (result.outcome() != Outcome.UP) {
                degraded++;
            }
            latencies[i] = (result.latency() != null) ? result.latency().toMillis() : 0;
        }
        Arrays.sort(latencies);
        ProbeResult first = results.get(0);
        return new HourlyRollup(first.provider(), first.component(), hour, results.size(), failures, degraded,
                percentile(latencies, 50), percentile(latencies, 95));
    }

    private static long percentile(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    Uptime uptime() {
        return new Uptime(share(Duration.ofHours(24)), share(Duration.ofDays(7)), share(Duration.ofDays(30)),
                share(Duration.ofDays(90)));
    }

    private Double share(Duration window) {
        Instant from = this.currentHour.minus(window).plus(Duration.ofHours(1));
        long checks = 0;
        long failures = 0;
        for (HourlyRollup hour : this.hours) {
            if (!hour.hour().isBefore(from)) {
                checks += hour.checks();
                failures += hour.failures();
            }
        }
        return (checks == 0) ? null : 1.0 - ((double) failures / checks);
    }

    List<UptimeDay> days() {
        Map<LocalDate, int[]> byDay = new HashMap<>();
        for (HourlyRollup hour : this.hours) {
            int[] tally = byDay.computeIfAbsent(LocalDate.ofInstant(hour.hour(), ZoneOffset.UTC), (d) -> new int[2]);
            tally[0] += hour.checks();
            tally[1] += hour.failures();
        }
        LocalDate today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
        List<UptimeDay> days = new ArrayList<>(BAR_DAYS);
        for (int i = BAR_DAYS - 1; i >= 0; i--) {
            LocalDate date = today.minusDays(i);
            int[] tally = byDay.getOrDefault(date, new int[2]);
            days.add(new UptimeDay(date, tally[0], tally[1], dayLevel(tally[0], tally[1])));
        }
        return days;
    }

    static Status dayLevel(int checks, int failures) {
        if (checks == 0) {
            return Status.UNKNOWN;
        }
        double failed = (double) failures / checks;
        if (failures == 0) {
            return Status.OPERATIONAL;
        }
        if (failed < 0.02) {
            return Status.DEGRADED;
        }
        return (failed < 0.10) ? Status.PARTIAL_OUTAGE : Status.MAJOR_OUTAGE;
    }

    List<LatencyPoint> latency() {
        Map<Instant, HourlyRollup> byHour = new HashMap<>();
        this.hours.forEach((hour) -> byHour.put(hour.hour(), hour));
        List<LatencyPoint> points = new ArrayList<>(LATENCY_HOURS);
        for (int i = LATENCY_HOURS - 1; i >= 0; i--) {
            Instant hour = this.currentHour.minus(Duration.ofHours(i));
            HourlyRollup rollup = byHour.get(hour);
            points.add((rollup == null || rollup.checks() == 0) ? new LatencyPoint(hour, null, null)
                    : new LatencyPoint(hour, rollup.p50Millis(), rollup.p95Millis()));
        }
        return points;
    }

}
