package dev.llmstatus.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.llmstatus.status.IncidentOpened;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.PostgresAvailability;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances draining one outbox on PostgreSQL: every delivery goes out exactly once, and both instances take
 * part ({@code FOR UPDATE SKIP LOCKED}).
 */
@ExtendWith(PostgresAvailability.class)
class NotifyMultiInstanceTests {

    private static final int SUBSCRIBERS = 300;

    @Test
    void twoInstancesDeliverEachNotificationOnce() throws Exception {
        PostgreSQLContainer container = null;
        String url = System.getenv("LLMSTATUS_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("LLMSTATUS_TEST_POSTGRES_USER", "llmstatus");
        String password = System.getenv().getOrDefault("LLMSTATUS_TEST_POSTGRES_PASSWORD", "llmstatus");
        if (PostgresAvailability.source() == PostgresAvailability.Source.DOCKER) {
            container = new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"));
            container.start();
            url = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
        }
        String[] database = { "spring.datasource.url=" + url, "spring.datasource.username=" + user,
                "spring.datasource.password=" + password, "llmstatus.notify.batch-size=20",
                "llmstatus.notify.max-in-flight=40", "llmstatus.notify.per-host-concurrency=8" };
        try (WebhookReceiver receiver = WebhookReceiver.start().delay(Duration.ofMillis(20));
                ConfigurableApplicationContext first = NotifyInstances.start(new String[] { "postgres" }, database);
                ConfigurableApplicationContext second = NotifyInstances.start(new String[] { "postgres" }, database)) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            jdbc.update("delete from notify_delivery");
            jdbc.update("delete from notify_event");
            jdbc.update("delete from notify_subscription");
            for (int i = 0; i < SUBSCRIBERS; i++) {
                assertThat(NotifyInstances.subscribe((i % 2 == 0) ? first : second,
                        NotifyInstances.webhook("stepfun", receiver.url("/s" + i))).statusCode()).isEqualTo(201);
            }
            String event = "incident-" + UUID.randomUUID() + "-opened";
            NotifyInstances.publish(first, new IncidentOpened(event, "stepfun", "1", false, "x", List.of("api"),
                    Status.MAJOR_OUTAGE, "down", Instant.now()));
            NotifyInstances.awaitSettled(jdbc, Duration.ofSeconds(60));
            Thread.sleep(500);
            Map<String, Long> perPath = receiver.received()
                .stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::path, Collectors.counting()));
            assertThat(perPath).hasSize(SUBSCRIBERS);
            assertThat(perPath.values()).containsOnly(1L);
            double byFirst = delivered(first);
            double bySecond = delivered(second);
            System.out.printf("notify multi-instance: %d deliveries, %.0f by the first instance, %.0f by the second%n",
                    SUBSCRIBERS, byFirst, bySecond);
            assertThat(byFirst + bySecond).isEqualTo(SUBSCRIBERS);
            assertThat(byFirst).isPositive();
            assertThat(bySecond).isPositive();
        }
        finally {
            if (container != null) {
                container.stop();
            }
        }
    }

    private static double delivered(ConfigurableApplicationContext context) {
        var counter = context.getBean(MeterRegistry.class)
            .find("llmstatus.notify.deliveries")
            .tag("outcome", "delivered")
            .counter();
        return (counter != null) ? counter.count() : 0;
    }

}
