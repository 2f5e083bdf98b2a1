package dev.llmstatus.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.llmstatus.status.Status;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import static dev.llmstatus.notify.Subscriptions.at;
import static dev.llmstatus.notify.Subscriptions.instant;

/**
 * The deliveries table: claims due rows for one worker ({@code FOR UPDATE SKIP LOCKED}, so workers on several
 * instances never take the same row) and records how each attempt went.
 */
@Repository
class Deliveries {

    private final JdbcClient jdbc;

    private final JdbcTemplate batch;

    private final TransactionTemplate transactions;

    Deliveries(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
    }

    /**
     * Claims up to {@code limit} due deliveries: pending ones whose time has come, and those whose worker's lease ran
     * out (it died or stopped mid-delivery). Deliveries to {@code skipHosts} stay for later.
     */
    List<Delivery> claim(int limit, Collection<String> skipHosts, Instant now, Instant leaseUntil) {
        String claim = UUID.randomUUID().toString();
        List<String> skip = new ArrayList<>(skipHosts);
        skip.add("");
        return this.transactions.execute((status) -> {
            List<Long> ids = this.jdbc.sql("select id from notify_delivery where ((state = 'PENDING' and "
                    + "next_attempt_at <= :now) or (state = 'SENDING' and lease_until <= :now)) and host not in (:skip) "
                    + "order by next_attempt_at fetch first :limit rows only for update skip locked")
                .param("now", at(now))
                .param("skip", skip)
                .param("limit", limit)
                .query(Long.class)
                .list();
            if (ids.isEmpty()) {
                return List.of();
            }
            this.jdbc.sql("update notify_delivery set state = 'SENDING', claim = :claim, lease_until = :lease, "
                    + "attempts = attempts + 1 where id in (:ids)")
                .param("claim", claim)
                .param("lease", at(leaseUntil))
                .param("ids", ids)
                .update();
            return load(ids);
        });
    }

    private List<Delivery> load(List<Long> ids) {
        Map<String, List<Delivery.Change>> summaries = new HashMap<>();
        return this.jdbc.sql("select d.id, d.kind, d.attempts, d.created_at as enqueued_at, d.claim, d.lease_until, "
                + "d.summary_from, s.id as s_id, s.provider as s_provider, s.components, s.channel, s.target, s.secret, "
                + "s.token, s.status, s.created_at, s.failing_since, e.id as e_id, e.event_type, e.provider as e_provider, "
                + "e.component, e.components as e_components, e.incident_id, e.official, e.title, e.level, e.old_level, e.reason, e.started_at, "
                + "e.occurred_at, e.recorded_at, e.payload from notify_delivery d "
                + "join notify_subscription s on s.id = d.subscription_id "
                + "left join notify_event e on e.id = d.event_id where d.id in (:ids)")
            .param("ids", ids)
            .query((rs, n) -> {
                OutboxEvent event = (rs.getString("e_id") != null) ? event(rs) : null;
                Instant summaryFrom = instant(rs, "summary_from");
                List<Delivery.Change> changes = (summaryFrom != null) ? summaries.computeIfAbsent(event.id(),
                        (key) -> changes(event, summaryFrom, instantOrThrow(rs, "recorded_at"))) : List.of();
                return new Delivery(rs.getLong("id"), Delivery.Kind.valueOf(rs.getString("kind")), subscription(rs),
                        event, rs.getInt("attempts"), instant(rs, "enqueued_at"), rs.getString("claim"),
                        instant(rs, "lease_until"), changes);
            })
            .list();
    }

    /** A flapping component's changes from {@code from} up to this event, oldest first. */
    private List<Delivery.Change> changes(OutboxEvent event, Instant from, Instant until) {
        return this.jdbc.sql("select level, occurred_at from notify_event where provider = ? and component = ? "
                + "and event_type = ? and recorded_at >= ? and recorded_at <= ? order by recorded_at, occurred_at")
            .params(event.provider(), event.components().get(0), OutboxEvent.CHANGED, at(from), at(until))
            .query((rs, n) -> new Delivery.Change(Status.valueOf(rs.getString("level")), instant(rs, "occurred_at")))
            .list();
    }

    /** Records finished attempts, each only if its claim is still the row's (a stale worker changes nothing). */
    void delivered(List<Delivery> deliveries, Instant now) {
        this.batch.batchUpdate("update notify_delivery set state = 'DELIVERED', delivered_at = ?, lease_until = null, "
                + "last_error = null where id = ? and claim = ?",
                deliveries.stream().map((d) -> new Object[] { at(now), d.id(), d.claim() }).toList());
    }

    void retry(Delivery delivery, Instant next, String error) {
        this.jdbc.sql("update notify_delivery set state = 'PENDING', next_attempt_at = ?, lease_until = null, "
                + "last_error = ? where id = ? and claim = ?").params(at(next), error, delivery.id(), delivery.claim())
            .update();
    }

    void failed(Delivery delivery, String error) {
        this.jdbc.sql("update notify_delivery set state = 'FAILED', lease_until = null, last_error = ? "
                + "where id = ? and claim = ?").params(error, delivery.id(), delivery.claim()).update();
    }

    /** Hands back claimed deliveries that were never attempted, so that any worker can take them at once. */
    void release(List<Delivery> deliveries) {
        this.batch.batchUpdate("update notify_delivery set state = 'PENDING', lease_until = null, "
                + "attempts = attempts - 1 where id = ? and claim = ? and state = 'SENDING'",
                deliveries.stream().map((d) -> new Object[] { d.id(), d.claim() }).toList());
    }

    /** Enqueues a mail that belongs to no event: the confirmation or the pause notice. */
    void enqueue(long subscriptionId, Delivery.Kind kind, Channel channel, String host, Instant now) {
        this.jdbc.sql("insert into notify_delivery (subscription_id, event_id, kind, channel, host, state, attempts, "
                + "next_attempt_at, created_at) values (?, null, ?, ?, ?, 'PENDING', 0, ?, ?)")
            .params(subscriptionId, kind.name(), channel.name(), host, at(now), at(now))
            .update();
    }

    /** Deliveries not yet delivered, failed or merged. */
    long pending() {
        return this.jdbc.sql("select count(*) from notify_delivery where state in ('PENDING', 'SENDING')")
            .query(Long.class)
            .single();
    }

    private static Instant instantOrThrow(ResultSet rs, String column) {
        try {
            return instant(rs, column);
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static OutboxEvent event(ResultSet rs) throws SQLException {
        String components = rs.getString("e_components");
        String oldLevel = rs.getString("old_level");
        return new OutboxEvent(rs.getString("e_id"), rs.getString("event_type"), rs.getString("e_provider"),
                components.isEmpty() ? List.of() : List.of(components.split(",")), rs.getString("incident_id"),
                rs.getBoolean("official"), rs.getString("title"), Status.valueOf(rs.getString("level")),
                (oldLevel != null) ? Status.valueOf(oldLevel) : null, rs.getString("reason"),
                instant(rs, "started_at"), instant(rs, "occurred_at"), rs.getString("payload"));
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        String components = rs.getString("components");
        return new Subscription(rs.getLong("s_id"), rs.getString("s_provider"),
                (components == null) ? List.of() : List.of(components.split(",")),
                Channel.valueOf(rs.getString("channel")), rs.getString("target"), rs.getString("secret"),
                rs.getString("token"), Subscription.State.valueOf(rs.getString("status")), instant(rs, "created_at"),
                instant(rs, "failing_since"));
    }

}
