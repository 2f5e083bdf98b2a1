package dev.llmstatus.report;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.system.BoundedDelete;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes reports older than the retention, a bounded batch per statement so that no delete holds locks for long.
 * Several instances may prune at once: deleting what is already gone costs nothing.
 */
@Component
class ReportRetention {

    private static final Logger logger = LoggerFactory.getLogger(ReportRetention.class);

    private final JdbcTemplate jdbc;

    private final Clock clock;

    private final ReportProperties properties;

    ReportRetention(JdbcTemplate jdbc, Clock clock, ReportProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${llmstatus.reports.prune-interval:1h}",
            initialDelayString = "${llmstatus.reports.prune-interval:1h}")
    void prune() {
        try {
            int deleted = pruneBefore(this.clock.instant().minus(this.properties.retention()));
            if (deleted > 0) {
                logger.info("Deleted {} community reports older than {}", deleted, this.properties.retention());
            }
        }
        catch (DataAccessException ex) {
            logger.warn("Pruning community reports failed; next try in {}: {}", this.properties.pruneInterval(),
                    ex.toString());
        }
    }

    /** Deletes every report created before {@code cutoff}; returns how many. */
    int pruneBefore(Instant cutoff) {
        return BoundedDelete.before(this.jdbc, "community_report", "created_at", cutoff,
                this.properties.pruneBatchSize());
    }

}
