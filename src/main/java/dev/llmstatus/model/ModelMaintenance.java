package dev.llmstatus.model;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.probe.Percentiles;
import dev.llmstatus.probe.ProbeProperties;
import dev.llmstatus.system.BoundedDelete;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls model results up by hour and deletes expired history, with the probes' retention: raw results for
 * {@code llmstatus.probe.raw-retention}, rollups for {@code llmstatus.probe.rollup-retention}, in bounded batches.
 */
final class ModelMaintenance {

    private static final Logger logger = LoggerFactory.getLogger(ModelMaintenance.class);

    private final JdbcTemplate jdbc;

    private final TransactionTemplate transactions;

    private final ProbeProperties retention;

    private final Clock clock;

    ModelMaintenance(JdbcTemplate jdbc, TransactionTemplate transactions, ProbeProperties retention, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.retention = retention;
        this.clock = clock;
    }

    /**
     * Recomputes the rollups from the hour before the latest rolled-up one (the current hour is partial and is redone
     * each run), or of every hour with raw results on the first run. Returns the rollups written.
     */
    int rollup() {
        Instant now = this.clock.instant();
        Instant oldestComplete = now.minus(this.retention.rawRetention()).truncatedTo(ChronoUnit.HOURS)
            .plus(1, ChronoUnit.HOURS);
        Timestamp latest = this.jdbc.queryForObject("select max(hour_start) from model_rollup", Timestamp.class);
        Instant from;
        if (latest != null) {
            from = latest.toInstant().minus(1, ChronoUnit.HOURS);
        }
        else {
            Timestamp earliest = this.jdbc.queryForObject("select min(started_at) from model_result", Timestamp.class);
            if (earliest == null) {
                return 0;
            }
            from = earliest.toInstant().truncatedTo(ChronoUnit.HOURS);
        }
        Instant start = from.isBefore(oldestComplete) ? oldestComplete : from;
        Map<List<Object>, Accumulator> hours = new LinkedHashMap<>();
        this.jdbc.query("select provider, model, started_at, outcome, ttft_ms, tokens_per_second from model_result "
                + "where started_at >= ? order by started_at", (row) -> {
                    Instant hour = row.getTimestamp(3).toInstant().truncatedTo(ChronoUnit.HOURS);
                    long ttft = row.getLong(5);
                    Long ttftValue = row.wasNull() ? null : ttft;
                    double rate = row.getDouble(6);
                    Double rateValue = row.wasNull() ? null : rate;
                    hours.computeIfAbsent(List.of(row.getString(1), row.getString(2), hour),
                            (key) -> new Accumulator())
                        .add(ModelOutcome.valueOf(row.getString(4)), ttftValue, rateValue);
                }, Timestamp.from(start));
        List<ModelRollup> rollups = new ArrayList<>();
        hours.forEach((key, hour) -> rollups.add(hour.rollup((String) key.get(0), (String) key.get(1),
                (Instant) key.get(2))));
        this.transactions.executeWithoutResult((status) -> {
            this.jdbc.update("delete from model_rollup where hour_start >= ?", Timestamp.from(start));
            this.jdbc.batchUpdate("insert into model_rollup (provider, model, hour_start, checks, failures, degraded, "
                    + "ours, ttft_p50_ms, ttft_p95_ms, tokens_per_second_p50) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rollups, 500, (statement, rollup) -> {
                        statement.setString(1, rollup.provider());
                        statement.setString(2, rollup.model());
                        statement.setTimestamp(3, Timestamp.from(rollup.hour()));
                        statement.setInt(4, rollup.checks());
                        statement.setInt(5, rollup.failures());
                        statement.setInt(6, rollup.degraded());
                        statement.setInt(7, rollup.ours());
                        statement.setObject(8, rollup.ttftP50(), Types.BIGINT);
                        statement.setObject(9, rollup.ttftP95(), Types.BIGINT);
                        statement.setObject(10, rollup.tokensPerSecondP50(), Types.DOUBLE);
                    });
        });
        return rollups.size();
    }

    /** Deletes expired raw results and rollups; returns the rows deleted. */
    int prune() {
        Instant now = this.clock.instant();
        int deleted = BoundedDelete.before(this.jdbc, "model_result", "started_at",
                now.minus(this.retention.rawRetention()), this.retention.pruneBatchSize());
        deleted += BoundedDelete.before(this.jdbc, "model_rollup", "hour_start",
                now.minus(this.retention.rollupRetention()), this.retention.pruneBatchSize());
        if (deleted > 0) {
            logger.info("Pruned {} expired model check rows", deleted);
        }
        return deleted;
    }

    /**
     * One hour of one model: outcomes by impact, percentiles of the checks that got a first token. As with probes,
     * only checks that reached the provider count: an hour of unreachable checks is no data, not downtime.
     */
    private static final class Accumulator {

        private final List<Long> ttfts = new ArrayList<>();

        private final List<Double> rates = new ArrayList<>();

        private int checks;

        private int failures;

        private int degraded;

        private int ours;

        void add(ModelOutcome outcome, Long ttft, Double rate) {
            if (!outcome.reachedProvider()) {
                return;
            }
            this.checks++;
            switch (outcome.impact()) {
                case OUTAGE -> this.failures++;
                case DEGRADED -> this.degraded++;
                case OURS -> this.ours++;
                case NONE -> {
                    // counted in checks only
                }
            }
            if (ttft != null) {
                this.ttfts.add(ttft);
            }
            if (rate != null) {
                this.rates.add(rate);
            }
        }

        ModelRollup rollup(String provider, String model, Instant hour) {
            return new ModelRollup(provider, model, hour, this.checks, this.failures, this.degraded, this.ours,
                    Percentiles.of(this.ttfts, 0.50), Percentiles.of(this.ttfts, 0.95),
                    Percentiles.ofDoubles(this.rates, 0.50));
        }

    }

}
