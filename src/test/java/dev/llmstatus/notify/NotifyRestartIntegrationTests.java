package dev.llmstatus.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.llmstatus.status.IncidentOpened;
import dev.llmstatus.status.Status;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restarts between enqueueing and delivering: what the first instance enqueued, or held when it died mid-delivery,
 * the next one delivers, once.
 */
class NotifyRestartIntegrationTests {

    @Test
    void deliveriesEnqueuedOrHeldByAnInstanceThatStoppedAreDeliveredOnceAfterRestart() throws Exception {
        String database = "--spring.datasource.url=jdbc:h2:mem:notify-restart-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1";
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String event = "incident-" + UUID.randomUUID() + "-opened";
            // The first instance records the event but never gets to send it: its worker is off, as if it was
            // killed right after the commit; one delivery is even left claimed, mid-send, by a worker that died.
            try (ConfigurableApplicationContext first = NotifyInstances.start(new String[0], database.substring(2),
                    "llmstatus.notify.enabled=false")) {
                assertThat(NotifyInstances.subscribe(first, NotifyInstances.webhook("stepfun",
                        receiver.url("/queued"))).statusCode()).isEqualTo(201);
                assertThat(NotifyInstances.subscribe(first, NotifyInstances.webhook("stepfun",
                        receiver.url("/in-flight"))).statusCode()).isEqualTo(201);
                NotifyInstances.publish(first, new IncidentOpened(event, "stepfun", "1", false, "x", List.of("api"),
                        Status.MAJOR_OUTAGE, "down", Instant.now()));
                JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
                assertThat(jdbc.update("update notify_delivery set state = 'SENDING', claim = 'dead-instance', "
                        + "attempts = 1, lease_until = ? where subscription_id = (select id from notify_subscription "
                        + "where target like '%/in-flight')", java.sql.Timestamp.from(Instant.now().plusSeconds(2))))
                    .isEqualTo(1);
            }
            assertThat(receiver.received()).isEmpty();
            try (ConfigurableApplicationContext second = NotifyInstances.start(new String[0], database.substring(2))) {
                receiver.await((r) -> r.path().equals("/queued"), Duration.ofSeconds(30));
                // The dead worker's claim is honoured until its lease runs out, then taken over.
                receiver.await((r) -> r.path().equals("/in-flight"), Duration.ofSeconds(30));
                JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
                NotifyInstances.awaitSettled(jdbc, Duration.ofSeconds(30));
                Thread.sleep(500);
                assertThat(receiver.received("/queued")).hasSize(1);
                assertThat(receiver.received("/in-flight")).hasSize(1);
                assertThat(receiver.received()).extracting((r) -> r.header("X-LLMStatus-Event-Id")).containsOnly(event);
                assertThat(jdbc.queryForObject("select attempts from notify_delivery where subscription_id = "
                        + "(select id from notify_subscription where target like '%/in-flight')", Integer.class))
                    .isEqualTo(2);
            }
        }
    }

}
