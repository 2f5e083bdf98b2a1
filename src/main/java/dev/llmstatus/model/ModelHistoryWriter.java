package dev.llmstatus.model;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.probe.ProbeResultsRecorded;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes model check results in batches: results finish on HTTP client threads at any moment, so they are queued and
 * written a few times a second in one batched statement, then announced so that the status engine rebuilds.
 */
final class ModelHistoryWriter {

    private static final Logger logger = LoggerFactory.getLogger(ModelHistoryWriter.class);

    private static final int BATCH = 1000;

    /** Results held while the database is slow; past this, the oldest are dropped rather than memory exhausted. */
    private static final int MAX_PENDING = 100_000;

    private final ConcurrentLinkedQueue<ModelResult> pending = new ConcurrentLinkedQueue<>();

    private final AtomicInteger size = new AtomicInteger();

    private final JdbcTemplate jdbc;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    ModelHistoryWriter(JdbcTemplate jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    void add(ModelResult result) {
        this.pending.add(result);
        if (this.size.incrementAndGet() > MAX_PENDING && this.pending.poll() != null) {
            this.size.decrementAndGet();
        }
    }

    /** Writes everything queued; returns how many results were written. */
    int flush() {
        int written = 0;
        List<ModelResult> batch;
        while (!(batch = drain()).isEmpty()) {
            try {
                insert(batch);
                written += batch.size();
            }
            catch (RuntimeException ex) {
                logger.warn("Model checks: {} results not written, will retry: {}", batch.size(), ex.toString());
                batch.forEach(this::add);
                break;
            }
        }
        if (written > 0) {
            this.events.publishEvent(new ProbeResultsRecorded(this.clock.instant()));
        }
        return written;
    }

    private void insert(List<ModelResult> batch) {
        this.jdbc.batchUpdate("insert into model_result (provider, model, started_at, outcome, http_status, ttft_ms, "
                + "total_ms, output_tokens, tokens_per_second, correct, error_type, error_code, request_id, "
                + "retry_after, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch, BATCH,
                (statement, result) -> {
                    statement.setString(1, result.provider());
                    statement.setString(2, result.model());
                    statement.setTimestamp(3, Timestamp.from(result.startedAt()));
                    statement.setString(4, result.outcome().name());
                    statement.setObject(5, result.httpStatus(), Types.INTEGER);
                    statement.setObject(6, result.ttftMillis(), Types.BIGINT);
                    statement.setLong(7, result.totalMillis());
                    statement.setObject(8, result.outputTokens(), Types.INTEGER);
                    statement.setObject(9, result.tokensPerSecond(), Types.DOUBLE);
                    statement.setObject(10, result.correct(), Types.BOOLEAN);
                    statement.setString(11, result.errorType());
                    statement.setString(12, result.errorCode());
                    statement.setString(13, result.requestId());
                    statement.setString(14, result.retryAfter());
                    statement.setString(15, result.detail());
                });
    }

    private List<ModelResult> drain() {
        List<ModelResult> batch = new ArrayList<>();
        ModelResult next;
        while (batch.size() < BATCH && (next = this.pending.poll()) != null) {
            this.size.decrementAndGet();
            batch.add(next);
        }
        return batch;
    }

}
