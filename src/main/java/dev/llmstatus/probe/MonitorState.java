package dev.llmstatus.probe;

import java.time.Instant;

/**
 * Whether our own monitor can reach the outside world.
 *
 * @param offline true when every probe of the latest cycle failed at the network level
 * @param since when the current state began, or {@code null} before the first cycle
 * @param lastCycleAt when the latest cycle ended, or {@code null} before the first cycle
 */
public record MonitorState(boolean offline, Instant since, Instant lastCycleAt) {

    public static final MonitorState STARTING = new MonitorState(false, null, null);

}
