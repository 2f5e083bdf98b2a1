package dev.llmstatus.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The subscriptions table. Plain SQL: the outbox needs row locks and batch inserts that JPA would only hide.
 */
@Repository
class Subscriptions {

    private static final String COLUMNS = "id, provider, components, channel, target, secret, token, status, "
            + "created_at, failing_since";

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(String provider, List<String> components, Channel channel, String target, String host, String secret,
            String token, Subscription.State status, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        this.jdbc.sql("insert into notify_subscription (provider, components, channel, target, host, secret, token, "
                + "status, created_at, confirmed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(provider, components.isEmpty() ? null : String.join(",", components), channel.name(), target, host,
                    secret, token, status.name(), at(now), (status == Subscription.State.ACTIVE) ? at(now) : null)
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Subscription> findByToken(String token) {
        return this.jdbc.sql("select " + COLUMNS + " from notify_subscription where token = ?")
            .param(token)
            .query(Subscriptions::map)
            .optional();
    }

    Optional<Subscription> findById(long id) {
        return this.jdbc.sql("select " + COLUMNS + " from notify_subscription where id = ?")
            .param(id)
            .query(Subscriptions::map)
            .optional();
    }

    /** Confirms a pending subscription; false when there was none pending under this token. */
    boolean confirm(String token, Instant now) {
        return this.jdbc.sql("update notify_subscription set status = 'ACTIVE', confirmed_at = ? "
                + "where token = ? and status = 'PENDING_CONFIRMATION'").params(at(now), token).update() == 1;
    }

    /** Makes a paused subscription active again, its failure history forgotten. */
    boolean resume(String token) {
        return this.jdbc.sql("update notify_subscription set status = 'ACTIVE', failing_since = null, paused_at = null "
                + "where token = ? and status = 'PAUSED'").param(token).update() == 1;
    }

    /** Deletes the subscription, its address and its deliveries. */
    boolean delete(String token) {
        return this.jdbc.sql("delete from notify_subscription where token = ?").param(token).update() == 1;
    }

    /** Deletes email subscriptions that were never confirmed. */
    int deleteUnconfirmed(Instant createdBefore) {
        return this.jdbc.sql("delete from notify_subscription where status = 'PENDING_CONFIRMATION' and created_at < ?")
            .param(at(createdBefore))
            .update();
    }

    /** The active subscriptions to a provider (or to every provider) limited to some of its components. */
    List<Recipient> limitedRecipients(String provider) {
        return this.jdbc.sql("select id, channel, host, components from notify_subscription "
                + "where status = 'ACTIVE' and provider in (?, '*') and components is not null")
            .param(provider)
            .query((rs, n) -> new Recipient(rs.getLong(1), Channel.valueOf(rs.getString(2)), rs.getString(3),
                    split(rs.getString(4))))
            .list();
    }

    void markHealthy(long id) {
        this.jdbc.sql("update notify_subscription set failing_since = null where id = ? and failing_since is not null")
            .param(id)
            .update();
    }

    /**
     * Records a failed delivery, and pauses the subscription when its target has failed since before
     * {@code pauseBefore}.
     *
     * @return true when this call paused it
     */
    boolean markFailing(long id, Instant now, Instant pauseBefore) {
        this.jdbc.sql("update notify_subscription set failing_since = ? where id = ? and failing_since is null")
            .params(at(now), id)
            .update();
        return this.jdbc.sql("update notify_subscription set status = 'PAUSED', paused_at = ? "
                + "where id = ? and status = 'ACTIVE' and failing_since < ?").params(at(now), id, at(pauseBefore))
            .update() == 1;
    }

    static OffsetDateTime at(Instant instant) {
        return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return (value != null) ? value.toInstant() : null;
    }

    private static Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getString("provider"), split(rs.getString("components")),
                Channel.valueOf(rs.getString("channel")), rs.getString("target"), rs.getString("secret"),
                rs.getString("token"), Subscription.State.valueOf(rs.getString("status")),
                instant(rs, "created_at"), instant(rs, "failing_since"));
    }

    private static List<String> split(String components) {
        return (components == null || components.isEmpty()) ? List.of() : Arrays.asList(components.split(","));
    }

    /** What the outbox needs to know of an active subscription. */
    record Recipient(long id, Channel channel, String host, List<String> components) {

        /** Whether a change to these components concerns this subscription. */
        boolean wants(List<String> changed) {
            return changed.isEmpty() || changed.stream().anyMatch(this.components::contains);
        }

    }

}
