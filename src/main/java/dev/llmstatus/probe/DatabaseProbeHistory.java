package dev.llmstatus.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link ProbeHistory} read from the database, so that every instance sees what any instance recorded.
 */
final class DatabaseProbeHistory implements ProbeHistory {

    private final ProbeResultRepository results;

    private final HourlyRollupRepository rollups;

    private final OfficialStatusRepository officialStatuses;

    private final OfficialIncidentRepository incidents;

    private final MonitorStateRepository states;

    private final TransactionTemplate readOnly;

    private final Duration recentIncidents;

    private final Clock clock;

    DatabaseProbeHistory(ProbeResultRepository results, HourlyRollupRepository rollups,
            OfficialStatusRepository officialStatuses, OfficialIncidentRepository incidents,
            MonitorStateRepository states, TransactionTemplate readOnly, Duration recentIncidents, Clock clock) {
        this.results = results;
        this.rollups = rollups;
        this.officialStatuses = officialStatuses;
        this.incidents = incidents;
        this.states = states;
        this.readOnly = readOnly;
        this.recentIncidents = recentIncidents;
        this.clock = clock;
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
    public List<OfficialStatus> latestOfficial() {
        return this.readOnly.execute((status) -> {
            Map<String, List<OfficialIncident>> byProvider = new LinkedHashMap<>();
            for (OfficialIncidentEntity incident : this.incidents
                .findCurrent(this.clock.instant().minus(this.recentIncidents))) {
                OfficialIncident value = incident.toIncident();
                byProvider.computeIfAbsent(value.provider(), (key) -> new ArrayList<>()).add(value);
            }
            return this.officialStatuses.findAll()
                .stream()
                .map((row) -> row.toStatus(byProvider.getOrDefault(row.provider(), List.of())))
                .toList();
        });
    }

    @Override
    public MonitorState monitorState() {
        return this.readOnly.execute((status) -> this.states.findById(MonitorStateEntity.ID)
            .map(MonitorStateEntity::toState)
            .orElse(MonitorState.STARTING));
    }

}
