package dev.llmstatus.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.llmstatus.status.ComponentLevelChanged;
import dev.llmstatus.status.StatusEvent;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static dev.llmstatus.notify.Subscriptions.at;

/**
 * The transactional outbox: each status event and one delivery per interested subscription are written in the
 * transaction that records the change, so a change is never committed without its notifications, nor notified
 * without being committed. Workers send them later ({@link DeliveryWorker}).
 */
@Component
class Outbox {

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    private final Subscriptions subscriptions;

    private final Payloads payloads;

    private final NotifyProperties properties;

    private final DeliveryWorker worker;

    private final Clock clock;

    Outbox(JdbcClient jdbc, JdbcTemplate batch, Subscriptions subscriptions, Payloads payloads, NotifyProperties properties,
            DeliveryWorker worker, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.subscriptions = subscriptions;
        this.payloads = payloads;
        this.properties = properties;
        this.worker = worker;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void record(StatusEvent event) {
        Boolean known = this.jdbc.sql("select count(*) from notify_event where id = ?")
            .param(event.eventId())
            .query((rs, n) -> rs.getInt(1) > 0)
            .single();
        if (known) {
            // The same change published again (a replay): its deliveries exist already.
            return;
        }
        OutboxEvent stored = this.payloads.event(event);
        Instant now = this.clock.instant();
        this.jdbc.sql("insert into notify_event (id, event_type, provider, component, components, incident_id, official, title, "
                + "level, old_level, reason, started_at, occurred_at, recorded_at, payload) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(stored.id(), stored.type(), stored.provider(),
                    stored.componentChange() ? stored.components().get(0) : null,
                    String.join(",", stored.components()), stored.incidentId(),
                    stored.official(), stored.title(), stored.level().name(),
                    (stored.oldLevel() != null) ? stored.oldLevel().name() : null, stored.reason(),
                    at(stored.startedAt()), at(stored.occurredAt()), at(now), stored.payload())
            .update();
        Instant due = now;
        Instant summaryFrom = null;
        if (event instanceof ComponentLevelChanged change) {
            Instant firstInWindow = firstRecentChange(change, now);
            if (firstInWindow != null) {
                // Flapping: hold this change until the window that began with the first change closes, and let it
                // replace any change still waiting there, so that one summary goes out instead of one per change.
                // Webhooks too: a program gets the latest state once the component settles or the window ends.
                due = firstInWindow.plus(this.properties.flapWindow());
                summaryFrom = firstInWindow;
                this.jdbc.sql("update notify_delivery set state = 'MERGED' where state = 'PENDING' and kind = 'EVENT' "
                        + "and event_id in (select id from notify_event where provider = ? and component = ? "
                        + "and event_type = ? and id <> ?)")
                    .params(change.provider(), change.component(), OutboxEvent.CHANGED, change.eventId())
                    .update();
            }
        }
        // Subscriptions to every component take the event in one statement; those limited to some are picked here.
        int enqueued = this.jdbc.sql("insert into notify_delivery (subscription_id, event_id, kind, channel, host, "
                + "state, attempts, next_attempt_at, created_at, summary_from) select id, ?, 'EVENT', channel, host, "
                + "'PENDING', 0, ?, ?, ? from notify_subscription where status = 'ACTIVE' and provider in (?, '*') "
                + "and components is null")
            .params(stored.id(), at(due), at(now), at(summaryFrom), event.provider())
            .update();
        List<Object[]> rows = new ArrayList<>();
        for (Subscriptions.Recipient recipient : this.subscriptions.limitedRecipients(event.provider())) {
            if (recipient.wants(stored.components())) {
                rows.add(new Object[] { recipient.id(), stored.id(), recipient.channel().name(), recipient.host(),
                        at(due), at(now), at(summaryFrom) });
            }
        }
        if (!rows.isEmpty()) {
            insertDeliveries(rows);
        }
        if (enqueued + rows.size() > 0) {
            this.worker.wakeAfterCommit();
        }
        coverComponentChanges(event, stored);
    }

    /**
     * An incident opened, changed or resolved together with its components' level changes is one message for
     * people: their mail, Slack and Discord deliveries of those component changes are folded into the incident's.
     * Webhooks keep every event, for programs that track components.
     */
    private void coverComponentChanges(StatusEvent event, OutboxEvent stored) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<String> changes = (List<String>) TransactionSynchronizationManager.getResource(this);
        if (changes == null) {
            List<String> fresh = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(Outbox.this);
                }

            });
            changes = fresh;
        }
        if (event instanceof ComponentLevelChanged) {
            changes.add(event.eventId());
            return;
        }
        if (stored.official() || changes.isEmpty()) {
            return;
        }
        List<String> covered = this.jdbc.sql("select id from notify_event where id in (:ids)"
                + (stored.components().isEmpty() ? "" : " and component in (:components)"))
            .param("ids", changes)
            .param("components", stored.components().isEmpty() ? List.of("") : stored.components())
            .query(String.class)
            .list();
        if (!covered.isEmpty()) {
            this.jdbc.sql("update notify_delivery set state = 'MERGED' where state = 'PENDING' and kind = 'EVENT' "
                    + "and channel <> 'WEBHOOK' and event_id in (:ids)").param("ids", covered).update();
        }
    }

    /**
     * When this component began flapping: the earliest of its other changes within the window, if there were at
     * least two (one change and its recovery are news, not flapping).
     */
    private Instant firstRecentChange(ComponentLevelChanged change, Instant now) {
        return this.jdbc.sql("select count(*) as changes, min(recorded_at) as first_change from notify_event "
                + "where provider = ? and component = ? and event_type = ? and id <> ? and recorded_at >= ?")
            .params(change.provider(), change.component(), OutboxEvent.CHANGED, change.eventId(),
                    at(now.minus(this.properties.flapWindow())))
            .query((rs, n) -> (rs.getInt("changes") >= 2) ? Optional.of(Subscriptions.instant(rs, "first_change"))
                    : Optional.<Instant>empty())
            .single()
            .orElse(null);
    }

    private void insertDeliveries(List<Object[]> rows) {
        this.batch.batchUpdate("insert into notify_delivery (subscription_id, event_id, kind, channel, host, state, "
                + "attempts, next_attempt_at, created_at, summary_from) values (?, ?, 'EVENT', ?, ?, 'PENDING', 0, ?, ?, ?)",
                rows);
    }

}
