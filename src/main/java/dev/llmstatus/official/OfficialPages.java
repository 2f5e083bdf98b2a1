package dev.llmstatus.official;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the official readings in the database: each provider's latest reading replaces the previous one, incidents
 * and maintenances are upserted by the page's own id, and one that a readable page no longer lists as open is marked
 * resolved (completed). Reading it back is the {@link OfficialHistory} every instance shares.
 */
final class OfficialPages implements OfficialHistory {

    private final OfficialStatusRepository statuses;

    private final OfficialIncidentRepository incidents;

    private final TransactionTemplate transactions;

    private final TransactionTemplate readOnly;

    private final Duration recentIncidents;

    private final Clock clock;

    OfficialPages(OfficialStatusRepository statuses, OfficialIncidentRepository incidents,
            TransactionTemplate transactions, TransactionTemplate readOnly, Duration recentIncidents, Clock clock) {
        this.statuses = statuses;
        this.incidents = incidents;
        this.transactions = transactions;
        this.readOnly = readOnly;
        this.recentIncidents = recentIncidents;
        this.clock = clock;
    }

    void save(List<OfficialStatus> readings) {
        this.transactions.executeWithoutResult((status) -> readings.forEach(this::save));
    }

    private void save(OfficialStatus reading) {
        OfficialStatusEntity entity = this.statuses.findById(reading.provider())
            .orElseGet(() -> new OfficialStatusEntity(reading.provider()));
        entity.update(reading);
        this.statuses.save(entity);
        if (!reading.readable()) {
            return;
        }
        Map<String, OfficialIncidentEntity> stored = new HashMap<>();
        this.incidents.findByProvider(reading.provider())
            .forEach((incident) -> stored.put(incident.externalId(), incident));
        Set<String> listed = new HashSet<>();
        List<OfficialIncident> all = new ArrayList<>(reading.incidents());
        all.addAll(reading.maintenances());
        for (OfficialIncident incident : all) {
            listed.add(incident.externalId());
            OfficialIncidentEntity row = stored.computeIfAbsent(incident.externalId(),
                    (id) -> new OfficialIncidentEntity(reading.provider(), id));
            row.update(incident);
            this.incidents.save(row);
        }
        stored.values()
            .stream()
            .filter((row) -> !row.resolved() && !listed.contains(row.externalId()))
            .forEach((row) -> row.resolve(reading.fetchedAt()));
    }

    /** Deletes resolved incidents and maintenances that began before the instant; returns how many. */
    int prune(Instant before) {
        Integer deleted = this.transactions.execute((status) -> this.incidents.deleteResolvedBefore(before));
        return (deleted != null) ? deleted : 0;
    }

    @Override
    public List<OfficialStatus> latestOfficial() {
        return this.readOnly.execute((status) -> {
            // Readings first: a round committed between the two queries then adds incidents to a reading we already
            // hold, never a reading without the incidents it was saved with.
            List<OfficialStatusEntity> readings = this.statuses.findAll();
            Map<String, List<OfficialIncident>> incidents = new LinkedHashMap<>();
            Map<String, List<OfficialIncident>> maintenances = new LinkedHashMap<>();
            for (OfficialIncidentEntity row : this.incidents
                .findCurrent(this.clock.instant().minus(this.recentIncidents))) {
                OfficialIncident value = row.toIncident();
                (value.maintenance() ? maintenances : incidents)
                    .computeIfAbsent(value.provider(), (key) -> new ArrayList<>())
                    .add(value);
            }
            return readings.stream()
                .map((row) -> row.toStatus(incidents.getOrDefault(row.provider(), List.of()),
                        soonestFirst(maintenances.getOrDefault(row.provider(), List.of()))))
                .toList();
        });
    }

    @Override
    public List<OfficialIncident> startedBetween(String provider, Instant from, Instant to) {
        return this.readOnly.execute((status) -> this.incidents.findStarted(provider, from, to)
            .stream()
            .map(OfficialIncidentEntity::toIncident)
            .toList());
    }

    @Override
    public Instant firstStarted(String provider) {
        return this.readOnly.execute((status) -> this.incidents.firstStarted(provider));
    }

    private static List<OfficialIncident> soonestFirst(List<OfficialIncident> maintenances) {
        List<OfficialIncident> sorted = new ArrayList<>(maintenances);
        sorted.sort(java.util.Comparator.comparing(
                (OfficialIncident m) -> (m.scheduledFor() != null) ? m.scheduledFor() : m.createdAt()));
        return sorted;
    }

}
