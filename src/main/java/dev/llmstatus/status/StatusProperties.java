package dev.llmstatus.status;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the status engine turns results into levels and how often it rebuilds the snapshot.
 *
 * @param damping a component changes level only after this many agreeing results in a row
 * @param staleAfterIntervals a component is unknown when its freshest result is older than this many of its
 * intervals
 * @param rebuildInterval how often the engine checks whether new data arrived and rebuilds the snapshot
 * @param maxSnapshotAge the snapshot is rebuilt at least this often, so that staleness and relative times move on
 * @param rawWindow how far back raw results are read for damping and the current hour
 * @param incidentWindow how far back incidents are listed on pages
 */
@ConfigurationProperties("llmstatus.status")
public record StatusProperties(@DefaultValue("2") int damping, @DefaultValue("3") int staleAfterIntervals,
        @DefaultValue("2s") Duration rebuildInterval, @DefaultValue("20s") Duration maxSnapshotAge,
        @DefaultValue("90m") Duration rawWindow, @DefaultValue("30d") Duration incidentWindow) {

    public StatusProperties {
        if (damping < 1) {
            throw new IllegalArgumentException("llmstatus.status.damping must be at least 1");
        }
        if (staleAfterIntervals < 1) {
            throw new IllegalArgumentException("llmstatus.status.stale-after-intervals must be at least 1");
        }
    }

    /** The defaults, for tests and tools. */
    public static StatusProperties defaults() {
        return new StatusProperties(2, 3, Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofMinutes(90),
                Duration.ofDays(30));
    }

}
