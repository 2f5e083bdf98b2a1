package dev.llmstatus.notify;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.llmstatus.status.IncidentOpened;
import dev.llmstatus.status.Status;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One event fanned out to 10,000 webhook subscribers on a local receiver that answers each request after 50 ms:
 * time from the commit to the last delivery, deliveries per second, heap, and, counted at the receiver, none lost
 * and none twice. {@code ./mvnw -B -Pbenchmark verify -Dit.test=NotifyBenchmark} (docs/benchmarks.md).
 */
class NotifyBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("notify.bench.subscribers", 10_000);

    private static final int PER_HOST = Integer.getInteger("notify.bench.per-host", 32);

    private static final Duration ANSWER_AFTER = Duration.ofMillis(50);

    @Test
    void oneEventToTenThousandWebhooks() throws Exception {
        String database = "spring.datasource.url=jdbc:h2:mem:notify-bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (WebhookReceiver receiver = WebhookReceiver.start().delay(ANSWER_AFTER);
                ConfigurableApplicationContext app = NotifyInstances.start(new String[0], database,
                        "llmstatus.notify.per-host-concurrency=" + PER_HOST)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < SUBSCRIBERS; i++) {
                rows.add(new Object[] { receiver.url("/s" + i), "secret-" + i, UUID.randomUUID().toString() });
            }
            jdbc.batchUpdate("insert into notify_subscription (provider, channel, target, host, secret, token, status, "
                    + "created_at) values ('stepfun', 'WEBHOOK', ?, '127.0.0.1', ?, ?, 'ACTIVE', current_timestamp)",
                    rows);
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            AtomicLong peakHeap = new AtomicLong(heapBefore);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
                    0, 50, TimeUnit.MILLISECONDS);

            long start = System.nanoTime();
            NotifyInstances.publish(app, new IncidentOpened("bench-" + UUID.randomUUID(), "stepfun", "1", false,
                    "Benchmark outage", List.of("api"), Status.MAJOR_OUTAGE, "API failing", Instant.now()));
            long committed = System.nanoTime();
            long deadline = start + Duration.ofMinutes(5).toNanos();
            while (receiver.count() < SUBSCRIBERS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            long done = System.nanoTime();
            NotifyInstances.awaitSettled(jdbc, Duration.ofMinutes(1));
            Thread.sleep(1000);
            sampler.shutdownNow();

            Map<String, Long> perPath = receiver.received()
                .stream()
                .collect(Collectors.groupingBy(WebhookReceiver.Received::path, Collectors.counting()));
            long duplicated = perPath.values().stream().filter((count) -> count > 1).count();
            long lost = SUBSCRIBERS - perPath.size();
            double seconds = (done - start) / 1e9;
            System.out.printf("%nnotify fan-out benchmark: %,d webhook subscribers, receiver answers after %d ms, "
                    + "per-host concurrency %d%n", SUBSCRIBERS, ANSWER_AFTER.toMillis(),
                    app.getBean(NotifyProperties.class).perHostConcurrency());
            System.out.printf("  enqueue (event + %,d deliveries in the publishing transaction): %.2f s%n",
                    SUBSCRIBERS, (committed - start) / 1e9);
            System.out.printf("  commit to last delivery: %.2f s (target < 30 s)%n", seconds);
            System.out.printf("  deliveries per second: %.0f%n", SUBSCRIBERS / seconds);
            System.out.printf("  heap used: %.0f MiB before, %.0f MiB peak during (-Xmx%d MiB)%n", heapBefore / 1048576.0,
                    peakHeap.get() / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576);
            System.out.printf("  at the receiver: %,d distinct subscribers, %d lost, %d duplicated%n%n", perPath.size(),
                    lost, duplicated);
            assertThat(lost).isZero();
            assertThat(duplicated).isZero();
        }
    }

}
