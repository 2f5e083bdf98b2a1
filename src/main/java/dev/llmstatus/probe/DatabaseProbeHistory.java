package dev.llmstatus.probe;

import java.time.Instant;
import java.util.List;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link ProbeHistory} read from the database, so that every instance sees what any instance recorded.
 */
final class DatabaseProbeHistory implements ProbeHistory {

    private final ProbeResultRepository results;

    private final HourlyRollupRepository rollups;

    private final MonitorStateRepository states;

    private final TransactionTemplate readOnly;

    DatabaseProbeHistory(ProbeResultRepository results, HourlyRollupRepository rollups, MonitorStateRepository states,
            TransactionTemplate readOnly) {
        this.results = results;
        this.rollups = rollups;
        this.states = states;
        this.readOnly = readOnly;
    }

    @Override
    public List<ProbeResult> resultsSince(Instant since) {
        return this.readOnly.execute(
                (status) -> this.results.findStartedSince(since).stream().map(ProbeResultEntity::toResult).toList());
    }

    @Override
    public List<HourlyRollup> rollupsSince(Instant since) {
        return this.readOnly.execute(
                (status) -> this.rollups.findHoursSince(since).stream().map(HourlyRollupEntity::toRollup).toList());
    }

    @Override
    public MonitorState monitorState() {
        return this.readOnly.execute((status) -> this.states.findById(MonitorStateEntity.ID)
            .map(MonitorStateEntity::toState)
            .orElse(MonitorState.STARTING));
    }

}
