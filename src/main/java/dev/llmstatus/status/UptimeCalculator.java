package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.llmstatus.probe.HourlyRollup;
import dev.llmstatus.probe.ProbeResult;

/**
 * Uptime, the 90-day bars and the 24-hour latency chart of one component: complete hours from rollups, the
 * current hour from raw results, so that nothing is counted twice. Only checks that reached the provider count
 * (see {@link HourlyRollup}); hours without them are "no data", never downtime.
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
            if (rollup.hour().isBefore(this.currentHour) && rollup.checks() > 0) {
                all.add(rollup);
            }
        }
        List<ProbeResult> current = raw.stream().filter((r) -> !r.startedAt().isBefore(this.currentHour)).toList();
        if (!current.isEmpty()) {
            HourlyRollup rollup = rollUp(current, this.currentHour);
            if (rollup.checks() > 0) {
                all.add(rollup);
            }
        }
        this.hours = all;
    }

    static HourlyRollup rollUp(List<ProbeResult> results, Instant hour) {
        HourlyRollup.Accumulator accumulator = new HourlyRollup.Accumulator();
        for (ProbeResult result : results) {
            accumulator.add((result.latency() != null) ? result.latency().toMillis() : 0, result.outcome(),
                    result.errorClass());
        }
        ProbeResult first = results.get(0);
        return accumulator.rollup(first.provider(), first.component(), hour);
    }

    Uptime uptime() {
        Window day = window(Duration.ofHours(24));
        Window week = window(Duration.ofDays(7));
        Window month = window(Duration.ofDays(30));
        Window quarter = window(Duration.ofDays(90));
        return new Uptime(day.share(), week.share(), month.share(), quarter.share(),
                new Uptime.Coverage(day.coverage(), week.coverage(), month.coverage(), quarter.coverage()));
    }

    private record Window(Double share, double coverage) {
    }

    private Window window(Duration window) {
        Instant from = this.currentHour.minus(window).plus(Duration.ofHours(1));
        long checks = 0;
        long failures = 0;
        int covered = 0;
        for (HourlyRollup hour : this.hours) {
            if (!hour.hour().isBefore(from)) {
                checks += hour.checks();
                failures += hour.failures();
                covered++;
            }
        }
        Double share = (checks == 0) ? null : 1.0 - ((double) failures / checks);
        return new Window(share, Math.min(1.0, (double) covered / window.toHours()));
    }

    List<UptimeDay> days() {
        Map<LocalDate, int[]> byDay = new HashMap<>();
        for (HourlyRollup hour : this.hours) {
            int[] tally = byDay.computeIfAbsent(LocalDate.ofInstant(hour.hour(), ZoneOffset.UTC), (d) -> new int[3]);
            tally[0] += hour.checks();
            tally[1] += hour.failures();
            tally[2]++;
        }
        LocalDate today = LocalDate.ofInstant(this.now, ZoneOffset.UTC);
        int hoursToday = this.currentHour.atZone(ZoneOffset.UTC).getHour() + 1;
        List<UptimeDay> days = new ArrayList<>(BAR_DAYS);
        for (int i = BAR_DAYS - 1; i >= 0; i--) {
            LocalDate date = today.minusDays(i);
            int[] tally = byDay.getOrDefault(date, new int[3]);
            days.add(new UptimeDay(date, tally[0], tally[1], tally[2], (i == 0) ? hoursToday : 24,
                    dayLevel(tally[0], tally[1])));
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
            points.add((rollup == null) ? new LatencyPoint(hour, null, null)
                    : new LatencyPoint(hour, rollup.p50Millis(), rollup.p95Millis()));
        }
        return points;
    }

}
