package dev.llmstatus.status;

import java.time.Instant;
import java.util.List;

import dev.llmstatus.model.ModelResult;

/**
 * One model as the snapshot shows it: its level from our inference checks, with the figures behind it.
 *
 * @param id the model id sent to the API
 * @param name its display name
 * @param level its level after damping and staleness; {@link Status#UNKNOWN} when not configured, paused, stale or
 * when our own key or account failed the check
 * @param reason the level in words, without the model's id ("failing: HTTP 529 overloaded_error for 6 min")
 * @param since when the current level began, or {@code null}
 * @param configured whether this instance has a key for it (without one, nothing is checked and pages say so)
 * @param paused whether checks are paused because the provider's daily request budget is used up
 * @param last the freshest check, or {@code null}
 * @param lastError the freshest failed check (any outcome but OK) within the raw window, or {@code null}
 * @param lastErrorTopic the knowledge base topic that explains the last error, or {@code null}
 * @param ttftP50 median time to first token over the last hour, or {@code null}
 * @param ttftP95 95th percentile time to first token over the last hour, or {@code null}
 * @param tokensPerSecondP50 median tokens per second over the last hour, or {@code null}
 * @param checksLastHour checks sent in the last hour
 * @param uptime share of checks that did not fail, over 24 h, 7, 30 and 90 days (checks that failed on our own key
 * or never reached the provider do not count)
 * @param days the 90-day availability bar, oldest first
 * @param hours the last 24 hours, oldest first, for the TTFT and tokens per second charts
 */
public record ModelState(String id, String name, Status level, String reason, Instant since, boolean configured,
        boolean paused, ModelResult last, ModelResult lastError, String lastErrorTopic, Long ttftP50, Long ttftP95,
        Double tokensPerSecondP50, int checksLastHour, Uptime uptime, List<UptimeDay> days, List<Hour> hours) {

    public ModelState {
        days = List.copyOf(days);
        hours = List.copyOf(hours);
    }

    /** The freshest check's start, or {@code null}. */
    public Instant lastChecked() {
        return (this.last != null) ? this.last.startedAt() : null;
    }

    /**
     * One hour of the model's charts.
     *
     * @param hour start of the hour
     * @param ttftP50 median time to first token, or {@code null} without data
     * @param ttftP95 95th percentile, or {@code null}
     * @param tokensPerSecondP50 median tokens per second, or {@code null}
     */
    public record Hour(Instant hour, Long ttftP50, Long ttftP95, Double tokensPerSecondP50) {
    }

}
