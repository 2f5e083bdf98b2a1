package dev.llmstatus.model;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the status engine reads of the model checks' history. Reads the database, so callers are the snapshot builder
 * and other background work, never a page request.
 */
public final class ModelHistory {

    private final JdbcTemplate jdbc;

    ModelHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Raw results started at or after {@code since}, every model, oldest first. */
    public List<ModelResult> resultsSince(Instant since) {
        return this.jdbc.query("select provider, model, started_at, outcome, http_status, ttft_ms, total_ms, "
                + "output_tokens, tokens_per_second, correct, error_type, error_code, request_id, retry_after, detail "
                + "from model_result where started_at >= ? order by started_at", ModelHistory::result,
                Timestamp.from(since));
    }

    /** Hourly rollups of hours starting at or after {@code since}, oldest first. */
    public List<ModelRollup> rollupsSince(Instant since) {
        return this.jdbc.query("select provider, model, hour_start, checks, failures, degraded, ours, ttft_p50_ms, "
                + "ttft_p95_ms, tokens_per_second_p50 from model_rollup where hour_start >= ? order by hour_start",
                (row, n) -> new ModelRollup(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                        row.getInt(4), row.getInt(5), row.getInt(6), row.getInt(7), nullableLong(row, 8),
                        nullableLong(row, 9), nullableDouble(row, 10)),
                Timestamp.from(since));
    }

    /** Requests sent per provider since the instant (the start of the UTC day, for the budget). */
    public Map<String, Long> requestsSince(Instant since) {
        Map<String, Long> counts = new HashMap<>();
        this.jdbc.query("select provider, count(*) from model_result where started_at >= ? group by provider",
                (row) -> {
                    counts.put(row.getString(1), row.getLong(2));
                }, Timestamp.from(since));
        return counts;
    }

    private static ModelResult result(ResultSet row, int n) throws SQLException {
        Object correct = row.getObject(10);
        return new ModelResult(row.getString(1), row.getString(2), row.getTimestamp(3).toInstant(),
                ModelOutcome.valueOf(row.getString(4)), (Integer) nullableInt(row, 5), nullableLong(row, 6),
                row.getLong(7), nullableInt(row, 8), nullableDouble(row, 9),
                (correct != null) ? row.getBoolean(10) : null, row.getString(11), row.getString(12),
                row.getString(13), row.getString(14), row.getString(15));
    }

    private static Integer nullableInt(ResultSet row, int column) throws SQLException {
        int value = row.getInt(column);
        return row.wasNull() ? null : value;
    }

    private static Long nullableLong(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Double nullableDouble(ResultSet row, int column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }

}
