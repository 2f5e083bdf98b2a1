package dev.llmstatus.system;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes expired rows in bounded batches, so that no single statement locks or logs millions of rows. One SQL
 * serves H2 and PostgreSQL: neither takes {@code DELETE ... LIMIT}, both take a subquery limited with the
 * standard {@code FETCH FIRST n ROWS ONLY}.
 */
public final class BoundedDelete {

    /** A safety stop: one call deletes at most this many batches. */
    private static final int MAX_BATCHES = 1000;

    private BoundedDelete() {
    }

    /**
     * Deletes the rows whose {@code column} is before {@code cutoff}, oldest ids first.
     *
     * @param table a table with an {@code id} primary key (a constant of ours, never user input)
     * @param column a timestamp column of that table (likewise)
     * @param batchSize rows per statement
     * @return how many rows were deleted
     */
    public static int before(JdbcTemplate jdbc, String table, String column, Instant cutoff, int batchSize) {
        return before(jdbc, table, column, cutoff, "", batchSize);
    }

    /**
     * Deletes the rows whose {@code column} is before {@code cutoff} and that meet {@code condition}, oldest ids
     * first.
     *
     * @param condition more SQL for the where clause, starting with {@code and} (a constant of ours, never user
     * input), or empty
     */
    public static int before(JdbcTemplate jdbc, String table, String column, Instant cutoff, String condition,
            int batchSize) {
        String sql = "delete from " + table + " where id in (select id from " + table + " where " + column
                + " < ? " + condition + " order by id fetch first " + batchSize + " rows only)";
        int total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int deleted = jdbc.update(sql, cutoff.atOffset(ZoneOffset.UTC));
            total += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return total;
    }

}
