package dev.llmstatus.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.support.LockException;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.system.BoundedDelete;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Housekeeping of subscriptions and the outbox. Deletes email subscriptions nobody confirmed within
 * {@code confirm-within}, address and all: any instance may, the delete is the same whoever does it. And prunes the
 * outbox, once per period across instances (whoever takes the ShedLock lock): finished deliveries and the events
 * they leave without deliveries once older than {@code retention}, in bounded batches, and the confirmation-limit
 * rows once out of their window.
 */
@Component
class NotifyMaintenance {

    private static final Logger logger = LoggerFactory.getLogger(NotifyMaintenance.class);

    private static final String LOCK = "notify-prune";

    private final Subscriptions subscriptions;

    private final NotifyProperties properties;

    private final JdbcTemplate jdbc;

    private final LockProvider locks;

    private final Clock clock;

    NotifyMaintenance(Subscriptions subscriptions, NotifyProperties properties, DataSource dataSource, Clock clock) {
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.jdbc = new JdbcTemplate(dataSource);
        this.locks = new JdbcTemplateLockProvider(
                JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(this.jdbc).usingDbTime().build());
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${llmstatus.notify.maintenance-interval:15m}", initialDelayString = "1m")
    void deleteUnconfirmed() {
        int deleted = this.subscriptions.deleteUnconfirmed(this.clock.instant().minus(this.properties.confirmWithin()));
        if (deleted > 0) {
            logger.info("Deleted {} email subscriptions not confirmed within {}", deleted,
                    this.properties.confirmWithin());
        }
    }

    /** Prunes the outbox if this instance takes the period's lock; the lock is kept, not released, until then. */
    @Scheduled(fixedDelayString = "${llmstatus.notify.prune-interval:1h}",
            initialDelayString = "${llmstatus.notify.prune-interval:1h}")
    void prune() {
        Duration hold = Duration.ofMillis(this.properties.pruneInterval().toMillis() * 9 / 10);
        try {
            if (this.locks.lock(new LockConfiguration(Instant.now(), LOCK, hold, Duration.ZERO)).isEmpty()) {
                return;
            }
            int deleted = pruneOutbox();
            if (deleted > 0) {
                logger.info("Pruned {} notification outbox rows older than {}", deleted, this.properties.retention());
            }
        }
        catch (DataAccessException | LockException ex) {
            // The next period tries again; nothing is lost by waiting.
            logger.warn("Pruning the notification outbox failed: {}", ex.toString());
        }
    }

    /** Deletes what has expired; pending and sending deliveries, and their events, stay whatever their age. */
    int pruneOutbox() {
        Instant now = this.clock.instant();
        Instant cutoff = now.minus(this.properties.retention());
        int batch = this.properties.pruneBatchSize();
        int deleted = BoundedDelete.before(this.jdbc, "notify_delivery", "created_at", cutoff,
                "and state in ('DELIVERED', 'FAILED', 'MERGED')", batch);
        deleted += BoundedDelete.before(this.jdbc, "notify_event", "recorded_at", cutoff,
                "and not exists (select 1 from notify_delivery d where d.event_id = notify_event.id)", batch);
        deleted += BoundedDelete.before(this.jdbc, "notify_confirm_sent", "sent_at",
                now.minus(this.properties.confirmationWindow()), batch);
        return deleted;
    }

}
