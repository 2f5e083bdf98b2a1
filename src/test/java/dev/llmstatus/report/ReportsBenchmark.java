package dev.llmstatus.report;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.support.MutableClock;
import dev.llmstatus.support.PostgresTest;
import dev.llmstatus.support.ScriptedHistoryConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accepted reports per second into PostgreSQL from 64 concurrent clients, each report from its own address (sent
 * as {@code X-Forwarded-For} by a trusted proxy on loopback), then a count of the stored rows: none may be lost.
 * Prints its figures; not part of {@code ./mvnw verify}. Run with {@code ./mvnw -B -Pbenchmark-reports verify}.
 */
@PostgresTest
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "llmstatus.probe.enabled=false", "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1",
                "logging.level.dev.llmstatus=warn" })
@Import(ScriptedHistoryConfiguration.class)
class ReportsBenchmark {

    private static final int CLIENTS = 64;

    private static final Duration WARM_UP = Duration.ofSeconds(20);

    private static final Duration MEASURED = Duration.ofSeconds(30);

    private static final String[] TYPES = { "API_ERRORS", "SLOW", "RATE_LIMITS", "OTHER" };

    private final AtomicInteger addresses = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Test
    void acceptedReportsPerSecondWithNoneLost() throws Exception {
        // A stretch of time of its own: the database keeps earlier runs' rows.
        this.clock.set(ScriptedHistoryConfiguration.START
            .plus(Duration.ofDays(3650L * ThreadLocalRandom.current().nextInt(10_000, 20_000))));
        List<String> slugs = this.catalog.providers().stream().map(Provider::slug).toList();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        run(http, slugs, "warm-" + UUID.randomUUID(), WARM_UP, new long[0]);

        String marker = "bench-" + UUID.randomUUID();
        long[] latencies = new long[4_000_000];
        Instant started = Instant.now();
        Result result = run(http, slugs, marker, MEASURED, latencies);
        Duration took = Duration.between(started, Instant.now());
        Integer stored = this.jdbc.queryForObject("select count(*) from community_report where error_code = ?",
                Integer.class, marker);

        long[] measured = Arrays.copyOf(latencies, (int) Math.min(latencies.length, result.accepted()));
        Arrays.sort(measured);
        double perSecond = result.accepted() / (took.toMillis() / 1000.0);
        System.out.printf("%nreports benchmark: %d clients, %.1f s, %d accepted, %d refused or failed%n", CLIENTS,
                took.toMillis() / 1000.0, result.accepted(), result.other());
        System.out.printf("reports benchmark: %.0f accepted reports/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                perSecond, millis(measured, 50), millis(measured, 95), millis(measured, 99));
        System.out.printf("reports benchmark: %d rows stored for %d accepted: %d lost%n%n", stored,
                result.accepted(), result.accepted() - stored);
        assertThat(result.other()).isZero();
        assertThat(stored).isEqualTo((int) result.accepted());
    }

    private Result run(HttpClient http, List<String> slugs, String marker, Duration length, long[] latencies)
            throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicInteger slot = new AtomicInteger();
        long deadline = System.nanoTime() + length.toNanos();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> {
                int i = 0;
                while (System.nanoTime() < deadline) {
                    int n = this.addresses.incrementAndGet();
                    String address = "10." + ((n >> 16) & 0xFF) + "." + ((n >> 8) & 0xFF) + "." + (n & 0xFF);
                    String body = "type=" + TYPES[i % TYPES.length] + "&component=&errorCode=" + marker
                            + "&comment=benchmark&website=";
                    HttpRequest request = HttpRequest
                        .newBuilder(URI.create("http://localhost:" + this.port + "/status/"
                                + slugs.get((client + i) % slugs.size()) + "/reports"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                    long start = System.nanoTime();
                    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 302) {
                        long index = accepted.getAndIncrement();
                        if (index < latencies.length) {
                            latencies[(int) index] = System.nanoTime() - start;
                        }
                    }
                    else {
                        other.incrementAndGet();
                    }
                    slot.incrementAndGet();
                    i++;
                }
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
        clients.shutdown();
        return new Result(accepted.get(), other.get());
    }

    private static double millis(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1_000_000.0;
    }

    private record Result(long accepted, long other) {
    }

}
