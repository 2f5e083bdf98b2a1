package dev.llmstatus.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.support.BlackHoleProxy;
import dev.llmstatus.support.PostgresTest;
import dev.llmstatus.support.ScriptedHistoryConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real database outage: PostgreSQL behind a proxy that turns into a black hole, as a dead network does (no error,
 * no reset, nothing moves). Reports and the health check must fail fast, and a crowd of reports must not take the
 * threads that serve pages. Durations are printed, and asserted only against Hikari's default 30 s wait.
 */
@PostgresTest
@Import({ ScriptedHistoryConfiguration.class, DatabaseOutageIntegrationTests.ThroughProxy.class })
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "llmstatus.probe.enabled=false", "llmstatus.status.rebuild-interval=1h",
                "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1" })
class DatabaseOutageIntegrationTests {

    /** Far below the 30 s a request used to wait for a connection; generous for a busy machine. */
    private static final Duration FAST = Duration.ofSeconds(10);

    private static final AtomicInteger addresses = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Autowired
    ThroughProxy proxy;

    @Autowired
    StatusEngine engine;

    @AfterEach
    void restore() {
        this.proxy.proxy().restore();
    }

    @Test
    void reportsAndHealthFailFastAndPagesKeepBeingServed() throws Exception {
        rebuild();
        assertThat(get("/status/stepfun").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        this.proxy.proxy().blackHole();

        long start = System.nanoTime();
        HttpResponse<String> report = post("stepfun");
        Duration reportTook = Duration.ofNanos(System.nanoTime() - start);
        assertThat(report.statusCode()).isEqualTo(503);
        assertThat(report.body()).contains("Your report was not recorded");

        start = System.nanoTime();
        HttpResponse<String> health = get("/actuator/health");
        Duration healthTook = Duration.ofNanos(System.nanoTime() - start);
        assertThat(health.statusCode()).isEqualTo(503);
        System.out.printf("database outage: report 503 after %d ms, health 503 after %d ms%n",
                reportTook.toMillis(), healthTook.toMillis());
        assertThat(reportTook).isLessThan(FAST);
        assertThat(healthTook).isLessThan(FAST);

        this.proxy.proxy().restore();
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(post("deepseek").statusCode()).isEqualTo(302));
    }

    @Test
    void twoHundredConcurrentReportsDuringAnOutageLeaveThreadsForPages() throws Exception {
        rebuild();
        assertThat(get("/status/stepfun").statusCode()).isEqualTo(200);
        this.proxy.proxy().blackHole();
        List<CompletableFuture<HttpResponse<String>>> reports = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            reports.add(this.http.sendAsync(postRequest("openai"), HttpResponse.BodyHandlers.ofString()));
        }
        // While the reports are held up by the database, pages still come (Tomcat has 200 request threads).
        int pagesWhileReportsPending = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> page = get((i % 2 == 0) ? "/status/stepfun" : "/");
            assertThat(page.statusCode()).isEqualTo(200);
            if (reports.stream().anyMatch((r) -> !r.isDone())) {
                pagesWhileReportsPending++;
            }
        }
        CompletableFuture.allOf(reports.toArray(CompletableFuture[]::new)).join();
        Map<Integer, Long> statuses = reports.stream()
            .map(CompletableFuture::join)
            .collect(Collectors.groupingBy(HttpResponse::statusCode,
                    Collectors.counting()));
        System.out.printf("200 reports during an outage: %s; pages served while reports were pending: %d of 20%n",
                statuses, pagesWhileReportsPending);
        assertThat(statuses).containsOnlyKeys(503);
        assertThat(pagesWhileReportsPending).isPositive();
    }

    /**
     * The first snapshot of a test. After the previous test's outage the pool may still hold a connection that died
     * in the black hole: the first query on it fails and Hikari drops it, so the rebuild is tried until it works.
     */
    private void rebuild() {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(this.engine::rebuild);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
            .timeout(Duration.ofSeconds(60))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String slug) throws IOException, InterruptedException {
        return this.http.send(postRequest(slug), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest postRequest(String slug) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/status/" + slug + "/reports"))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", "198.18." + (addresses.incrementAndGet() / 250) + "." + (addresses.get() % 250))
            .POST(HttpRequest.BodyPublishers.ofString("type=API_ERRORS&comment=outage"))
            .build();
    }

    /** Sends the application's database connections through a {@link BlackHoleProxy}. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughProxy implements BeanPostProcessor {

        private static final Pattern HOST_PORT = Pattern.compile("(jdbc:postgresql://)([^:/]+)(?::(\\d+))?(/.*)");

        private volatile BlackHoleProxy proxy;

        BlackHoleProxy proxy() {
            return this.proxy;
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (!(bean instanceof JdbcConnectionDetails details)) {
                return bean;
            }
            Matcher url = HOST_PORT.matcher(details.getJdbcUrl());
            assertThat(url.matches()).as("a PostgreSQL URL: " + details.getJdbcUrl()).isTrue();
            try {
                this.proxy = new BlackHoleProxy(url.group(2), (url.group(3) != null) ? Integer.parseInt(url.group(3))
                        : 5432);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            String proxied = url.group(1) + "127.0.0.1:" + this.proxy.port() + url.group(4);
            return new JdbcConnectionDetails() {

                @Override
                public String getJdbcUrl() {
                    return proxied;
                }

                @Override
                public String getUsername() {
                    return details.getUsername();
                }

                @Override
                public String getPassword() {
                    return details.getPassword();
                }

            };
        }

    }

}
