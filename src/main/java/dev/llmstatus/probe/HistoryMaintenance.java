package dev.llmstatus.probe;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.system.BoundedDelete;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the history small: rolls raw results up into hourly rollups, and deletes what has expired in bounded
 * batches so that no single statement locks or logs millions of rows.
 */
@ProbingComponent
final class HistoryMaintenance {

    private static final Logger logger = LoggerFactory.getLogger(HistoryMaintenance.class);

    private final JdbcTemplate jdbc;

    private final HourlyRollupRepository rollups;

    private final EntityManager entityManager;

    private final TransactionTemplate transactions;

    private final ProbeProperties properties;

    private final Clock clock;

    HistoryMaintenance(JdbcTemplate jdbc, HourlyRollupRepository rollups,
            EntityManager entityManager, TransactionTemplate transactions, ProbeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Recomputes the rollups of every hour from the one before the latest rolled-up hour up to the current hour
     * (which is partial, so it is recomputed at each run), or of every hour with raw results on the first run.
     * @return the number of rollups written
     */
    int rollup() {
        Instant now = this.clock.instant();
        Instant oldestComplete = now.minus(this.properties.rawRetention()).truncatedTo(ChronoUnit.HOURS)
            .plus(1, ChronoUnit.HOURS);
        Instant latest = this.rollups.latestHour();
        Instant from;
        if (latest != null) {
            from = latest.minus(1, ChronoUnit.HOURS);
        }
        else {
            Timestamp earliest = this.jdbc.queryForObject("select min(started_at) from probe_result", Timestamp.class);
            if (earliest == null) {
                return 0;
            }
            from = earliest.toInstant().truncatedTo(ChronoUnit.HOURS);
        }
        Instant start = from.isBefore(oldestComplete) ? oldestComplete : from;
        Map<List<Object>, HourlyRollup.Accumulator> hours = new LinkedHashMap<>();
        this.jdbc.query("select provider, component, started_at, latency_ms, outcome, error_class from probe_result "
                + "where started_at >= ? order by started_at", (row) -> {
                    Instant hour = row.getTimestamp(3).toInstant().truncatedTo(ChronoUnit.HOURS);
                    List<Object> key = List.of(row.getString(1), row.getString(2), hour);
                    String errorClass = row.getString(6);
                    hours.computeIfAbsent(key, (ignored) -> new HourlyRollup.Accumulator())
                        .add(row.getLong(4), Outcome.valueOf(row.getString(5)),
                                (errorClass != null) ? ErrorClass.valueOf(errorClass) : null);
                }, Timestamp.from(start));
        List<HourlyRollupEntity> computed = new ArrayList<>();
        hours.forEach((key, accumulator) -> computed.add(new HourlyRollupEntity(
                accumulator.rollup((String) key.get(0), (String) key.get(1), (Instant) key.get(2)))));
        this.transactions.executeWithoutResult((status) -> {
            this.entityManager.unwrap(Session.class).setJdbcBatchSize(500);
            this.rollups.deleteHoursSince(start);
            this.rollups.saveAll(computed);
            this.entityManager.flush();
            this.entityManager.clear();
        });
        return computed.size();
    }

    /** Deletes expired raw results and rollups; returns the rows deleted. */
    int prune() {
        Instant now = this.clock.instant();
        int deleted = BoundedDelete.before(this.jdbc, "probe_result", "started_at",
                now.minus(this.properties.rawRetention()), this.properties.pruneBatchSize());
        deleted += BoundedDelete.before(this.jdbc, "probe_rollup", "hour_start",
                now.minus(this.properties.rollupRetention()), this.properties.pruneBatchSize());
        if (deleted > 0) {
            logger.info("Pruned {} expired history rows", deleted);
        }
        return deleted;
    }


}
