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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the official readings in the database: each provider's latest reading replaces the previous one, incidents
 * and maintenances are upserted by the page's own id, and one that a readable page no longer lists as open is marked
 * resolved (completed). Reading it back is the {@link OfficialHistory} every instance shares.
 * <p>
 * Each provider's reading is stored in its own transaction, which also publishes an {@link OfficialIncidentChanged}
 * per incident change (for the notification outbox). Incident rows are versioned and unique per page id, so when two
 * instances store the same change at once, one commits and the other rolls back, its events with it.
 */
final class OfficialPages implements OfficialHistory {

    private static final Logger logger = LoggerFactory.getLogger(OfficialPages.class);

    private final OfficialStatusRepository statuses;

    private final OfficialIncidentRepository incidents;

    private final TransactionTemplate transactions;

    private final TransactionTemplate readOnly;

    private final Duration recentIncidents;

    private final Clock clock;

    private final ApplicationEventPublisher events;

    OfficialPages(OfficialStatusRepository statuses, OfficialIncidentRepository incidents,
            TransactionTemplate transactions, TransactionTemplate readOnly, Duration recentIncidents, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.statuses = statuses;
        this.incidents = incidents;
        this.transactions = transactions;
        this.readOnly = readOnly;
        this.recentIncidents = recentIncidents;
        this.clock = clock;
    }

    void save(List<OfficialStatus> readings) {
        for (OfficialStatus reading : readings) {
            try {
                this.transactions.executeWithoutResult((status) -> save(reading));
            }
            catch (OptimisticLockingFailureException | DataIntegrityViolationException ex) {
                // Another instance stored the same page at the same moment (the row's version moved, or it inserted
                // the same incident first): its write, and its events, stand.
                logger.info("Official page of {}: not stored here, another instance stored it meanwhile ({})",
                        reading.provider(), ex.getClass().getSimpleName());
            }
        }
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
        Map<OfficialIncidentEntity, OfficialIncident> before = new LinkedHashMap<>();
        for (OfficialIncident incident : all) {
            listed.add(incident.externalId());
            OfficialIncidentEntity row = stored.computeIfAbsent(incident.externalId(),
                    (id) -> new OfficialIncidentEntity(reading.provider(), id));
            before.put(row, row.stored() ? row.toIncident() : null);
            row.update(incident);
            this.incidents.save(row);
        }
        for (OfficialIncidentEntity row : stored.values()) {
            if (!row.resolved() && !listed.contains(row.externalId())) {
                before.put(row, row.toIncident());
                row.resolve(reading.fetchedAt());
            }
        }
        // Versions are final once written; a concurrent writer of the same rows fails here, before any event.
        this.incidents.flush();
        before.forEach((row, was) -> {
            OfficialIncident now = row.toIncident();
            OfficialIncidentChanged.Change change = OfficialIncidentChanged.of(was, now);
            if (change != null) {
                this.events.publishEvent(new OfficialIncidentChanged(now, was, change, row.version(),
                        OfficialIncidentChanged.at(change, now, reading.fetchedAt())));
            }
        });
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
