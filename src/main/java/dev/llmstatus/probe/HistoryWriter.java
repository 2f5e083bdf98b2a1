package dev.llmstatus.probe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes probe results. Results finish on HTTP client threads at any moment; they are
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

    private final EntityManager entityManager;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    HistoryWriter(ProbeProperties properties, ProbeResultRepository results, EntityManager entityManager,
            TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.maxPending = properties.maxPending();
        this.results = results;
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
