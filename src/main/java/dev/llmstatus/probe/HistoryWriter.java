package dev.llmstatus.probe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes probe results and official page readings. Results finish on HTTP client threads at any moment; they are
 * queued here and written in batches (one transaction, batched inserts), so the database sees a few statements a
 * second rather than one transaction per probe. {@link ProbeResultsRecorded} is published after each commit, outside
 * any transaction: listen with {@code @EventListener}.
 */
@ProbingComponent
final class HistoryWriter {

    private static final Logger logger = LoggerFactory.getLogger(HistoryWriter.class);

    private static final int BATCH = 500;

    private final ConcurrentLinkedQueue<ProbeResult> pending = new ConcurrentLinkedQueue<>();

    private final AtomicInteger size = new AtomicInteger();

    private final int maxPending;

    private final ProbeResultRepository results;

    private final OfficialStatusRepository officialStatuses;

    private final OfficialIncidentRepository incidents;

    private final EntityManager entityManager;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    HistoryWriter(ProbeProperties properties, ProbeResultRepository results, OfficialStatusRepository officialStatuses,
            OfficialIncidentRepository incidents, EntityManager entityManager, TransactionTemplate transactions,
            ApplicationEventPublisher events, Clock clock) {
        this.maxPending = properties.maxPending();
        this.results = results;
        this.officialStatuses = officialStatuses;
        this.incidents = incidents;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    void add(ProbeResult result) {
        this.pending.add(result);
        if (this.size.incrementAndGet() > this.maxPending && this.pending.poll() != null) {
            this.size.decrementAndGet();
            logger.warn("Probe results are arriving faster than the database takes them; dropped the oldest");
        }
    }

    /** Writes everything queued so far; returns how many results were written. */
    synchronized int flush() {
        int written = 0;
        List<ProbeResult> batch = drain();
        while (!batch.isEmpty()) {
            List<ProbeResult> current = batch;
            try {
                this.transactions.executeWithoutResult((status) -> {
                    this.entityManager.unwrap(Session.class).setJdbcBatchSize(BATCH);
                    this.results.saveAll(current.stream().map(ProbeResultEntity::new).toList());
                    this.entityManager.flush();
                    this.entityManager.clear();
                });
                written += current.size();
            }
            catch (RuntimeException ex) {
                logger.warn("Could not save {} probe results: {}", current.size(), ex.getMessage());
            }
            batch = drain();
        }
        if (written > 0) {
            published();
        }
        return written;
    }

    int pending() {
        return this.size.get();
    }

    /**
     * Saves official readings: replaces each provider's latest reading, upserts its incidents by external id, and
     * when a readable page no longer lists an incident as unresolved, marks the stored one resolved.
     */
    void saveOfficial(List<OfficialStatus> readings) {
        this.transactions.executeWithoutResult((status) -> readings.forEach(this::saveOfficial));
        published();
    }

    private void saveOfficial(OfficialStatus reading) {
        OfficialStatusEntity entity = this.officialStatuses.findById(reading.provider())
            .orElseGet(() -> new OfficialStatusEntity(reading.provider()));
        entity.update(reading);
        this.officialStatuses.save(entity);
        if (!reading.readable()) {
            return;
        }
        Map<String, OfficialIncidentEntity> stored = new HashMap<>();
        this.incidents.findByProvider(reading.provider()).forEach((incident) -> stored.put(incident.externalId(), incident));
        Set<String> listed = new HashSet<>();
        for (OfficialIncident incident : reading.incidents()) {
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

    private List<ProbeResult> drain() {
        List<ProbeResult> batch = new ArrayList<>();
        ProbeResult next;
        while (batch.size() < BATCH * 4 && (next = this.pending.poll()) != null) {
            this.size.decrementAndGet();
            batch.add(next);
        }
        return batch;
    }

    private void published() {
        Instant at = this.clock.instant();
        this.events.publishEvent(new ProbeResultsRecorded(at));
    }

}
