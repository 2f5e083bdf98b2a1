package dev.llmstatus.probe;

import java.time.Instant;
import java.util.List;

/**
 * What the status engine reads from the prober's history. Implementations read the database, so callers are the
 * snapshot builder and other background work, never a page request.
 */
public interface ProbeHistory {

    /** Raw results started at or after {@code since}, for every component, oldest first. */
    List<ProbeResult> resultsSince(Instant since);

    /** Hourly rollups of hours starting at or after {@code since}, oldest first. */
    List<HourlyRollup> rollupsSince(Instant since);

    /** Whether our monitor is online. */
    MonitorState monitorState();

}
