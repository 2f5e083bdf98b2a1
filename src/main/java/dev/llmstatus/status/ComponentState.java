package dev.llmstatus.status;

import java.time.Instant;
import java.util.List;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.probe.Outcome;

/**
 * One component as the snapshot shows it.
 *
 * @param component its catalog definition
 * @param level its level after damping, staleness and the official page
 * @param reason the level in one line of words
 * @param decidedBy which signal set the level
 * @param since when the current level began, or {@code null} when unknown
 * @param lastChecked start of the freshest probe, or {@code null} before the first one
 * @param latencyMillis latency of the freshest probe, or {@code null}
 * @param httpStatus status of the freshest probe, or {@code null}
 * @param lastOutcome classification of the freshest probe, or {@code null}
 * @param lastDetail short description of the freshest probe ("HTTP 503", "timeout"), or {@code null}
 * @param signatures error signatures seen in the bodies of recent probes
 * @param officialLevel the matching official component's level, or {@code null} when there is none
 * @param uptime share of successful checks over 24 h, 7, 30 and 90 days
 * @param days the 90-day uptime bar, oldest first
 * @param latency the 24-hour latency chart, oldest first
 */
public record ComponentState(Component component, Status level, String reason, Signal decidedBy, Instant since,
        Instant lastChecked, Long latencyMillis, Integer httpStatus, Outcome lastOutcome, String lastDetail,
        List<String> signatures, Status officialLevel, Uptime uptime, List<UptimeDay> days,
        List<LatencyPoint> latency) {

    public ComponentState {
        signatures = List.copyOf(signatures);
        days = List.copyOf(days);
        latency = List.copyOf(latency);
    }

}
