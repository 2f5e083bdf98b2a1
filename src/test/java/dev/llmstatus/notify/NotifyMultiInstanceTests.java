package dev.llmstatus.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.official.StoredOfficialPages;
import dev.llmstatus.status.IncidentOpened;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Officials;
import dev.llmstatus.support.PostgresAvailability;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances draining one outbox on PostgreSQL: every delivery goes out exactly once, and both instances take
 * part ({@code FOR UPDATE SKIP LOCKED}); and both storing the same official page at once notify each change once.
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

            officialChangesAreNotifiedOnceWhenBothInstancesStoreTheSamePage(first, second, receiver, jdbc);
        }
        finally {
            if (container != null) {
                container.stop();
            }
        }
    }

    /**
     * Both instances store the same official readings at the same moment, three times: the incident appears, gets
     * an update, and leaves the page (resolved). Each change is one event and one delivery per subscriber.
     */
    private static void officialChangesAreNotifiedOnceWhenBothInstancesStoreTheSamePage(
            ConfigurableApplicationContext first, ConfigurableApplicationContext second, WebhookReceiver receiver,
            JdbcTemplate jdbc) throws Exception {
        String path = "/official-" + UUID.randomUUID();
        assertThat(NotifyInstances.subscribe(first, NotifyInstances.webhook("openai", receiver.url(path)))
            .statusCode()).isEqualTo(201);
        String id = "pg" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(5));
        OfficialIncident.Update looking = new OfficialIncident.Update("investigating", "Looking.", start);
        List<List<OfficialIncident>> rounds = List.of(
                List.of(Officials.incident("openai", id, "Errors", Status.PARTIAL_OUTAGE, "investigating", start,
                        null, null, List.of("API"), List.of(looking))),
                List.of(Officials.incident("openai", id, "Errors", Status.MAJOR_OUTAGE, "identified", start, null,
                        null, List.of("API"), List.of(new OfficialIncident.Update("identified", "Found it.",
                                start.plusSeconds(60)), looking))),
                List.of());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (List<OfficialIncident> incidents : rounds) {
                OfficialStatus reading = Officials.page("openai", Instant.now(), Status.OPERATIONAL, null,
                        Map.of("API", Status.OPERATIONAL), incidents, null);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> saves = new ArrayList<>();
                for (ConfigurableApplicationContext instance : List.of(first, second)) {
                    saves.add(threads.submit(() -> {
                        together.await();
                        StoredOfficialPages.save(instance, reading);
                        return null;
                    }));
                }
                for (Future<?> save : saves) {
                    save.get();
                }
            }
        }
        finally {
            threads.shutdownNow();
        }
        NotifyInstances.awaitSettled(jdbc, Duration.ofSeconds(60));
        assertThat(jdbc.queryForList("select event_type from notify_event where id like ? order by recorded_at",
                String.class, "official-openai-o-" + id + "-%"))
            .containsExactly("incident.opened", "incident.updated", "incident.resolved");
        assertThat(receiver.received(path)).extracting((r) -> r.header("X-LLMStatus-Event-Id"))
            .hasSize(3)
            .doesNotHaveDuplicates();
    }

    private static double delivered(ConfigurableApplicationContext context) {
        var counter = context.getBean(MeterRegistry.class)
            .find("llmstatus.notify.deliveries")
            .tag("outcome", "delivered")
            .counter();
        return (counter != null) ? counter.count() : 0;
    }

}
