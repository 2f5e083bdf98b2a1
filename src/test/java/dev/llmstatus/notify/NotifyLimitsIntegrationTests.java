package dev.llmstatus.notify;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.status.IncidentOpened;
import dev.llmstatus.status.Status;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The abuse limits over real HTTP, and the pause notice over real SMTP: three subscriptions per visitor per hour here
 * (told apart by X-Forwarded-For from a trusted loopback proxy), three confirmation mails per address per day, and a
 * subscription whose mail has failed for seven days is paused and its owner told. GreenMail runs on a fixed port of
 * its own, so that it can be stopped to make deliveries fail and started again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "llmstatus.probe.enabled=false",
        "llmstatus.status.rebuild-interval=1h", "llmstatus.notify.allow-private-targets=true",
        "llmstatus.notify.poll-interval=100ms", "llmstatus.notify.first-retry=300ms",
        "llmstatus.notify.max-retry-delay=1s", "llmstatus.notify.hourly-budget=3",
        "llmstatus.notify.address-secret=test-secret",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1" })
class NotifyLimitsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Duration PATIENCE = Duration.ofSeconds(20);

    static final int SMTP_PORT = freePort();

    static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

    static GreenMail mail = startMail();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @BeforeEach
    void reset() throws Exception {
        this.jdbc.update("delete from notify_delivery");
        this.jdbc.update("delete from notify_event");
        this.jdbc.update("delete from notify_subscription");
        this.jdbc.update("delete from notify_confirm_sent");
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void theApiAnswers429WithRetryAfterOnceAVisitorsHourlyBudgetIsSpent() throws Exception {
        String visitor = client();
        for (int i = 0; i < 3; i++) {
            assertThat(api(visitor, "webhook", "http://127.0.0.1:9/hook-" + i).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> refused = api(visitor, "webhook", "http://127.0.0.1:9/hook-3");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).contains("json"));
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("error").asString()).isEqualTo("too_many_requests");
        assertThat(body.get("message").asString()).contains("from one visitor in an hour")
            .containsPattern("try again in \\d+ min\\.");
        // Another visitor is not held back by the first one's use.
        assertThat(api(client(), "webhook", "http://127.0.0.1:9/hook-4").statusCode()).isEqualTo(201);
        assertThat(count("select count(*) from notify_subscription")).isEqualTo(4);
    }

    @Test
    void theFormAnswers429WithAPageSayingWhenToTryAgain() throws Exception {
        String visitor = client();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> accepted = form(visitor, "webhook", "http://127.0.0.1:9/form-" + i);
            assertThat(accepted.statusCode()).as(i + ": " + accepted.body()).isEqualTo(200);
        }
        HttpResponse<String> refused = form(visitor, "webhook", "http://127.0.0.1:9/form-3");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).contains("html"));
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("from one visitor in an hour").containsPattern("try again in \\d+ min\\.")
            .contains("action=\"/notify/subscribe\"");
        assertThat(count("select count(*) from notify_subscription")).isEqualTo(3);
    }

    @Test
    void oneAddressGetsAtMostThreeConfirmationMailsADayWhoeverAsks() throws Exception {
        // Three visitors, one address written three ways: one address.
        for (String address : List.of("victim@example.com", "Victim@Example.com", " victim@EXAMPLE.com")) {
            assertThat(api(client(), "email", address).statusCode()).isEqualTo(201);
        }
        assertThat(mail.waitForIncomingEmail(PATIENCE.toMillis(), 3)).isTrue();

        HttpResponse<String> refused = api(client(), "email", "victim@example.com");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Duration.ofSeconds(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())))
            .isGreaterThan(Duration.ofHours(23));
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.get("error").asString()).isEqualTo("too_many_requests");
        assertThat(body.get("message").asString()).contains("3 confirmation mails in the last 24 h")
            .contains("spam folder").containsPattern("ask again in (23 h \\d+ min|24 h)\\.");

        HttpResponse<String> page = form(client(), "email", "victim@example.com");
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("3 confirmation mails in the last 24 h").contains("spam folder");

        // A refused request stores nothing and sends nothing; another address is not affected.
        assertThat(api(client(), "email", "someone.else@example.com").statusCode()).isEqualTo(201);
        assertThat(mail.waitForIncomingEmail(PATIENCE.toMillis(), 4)).isTrue();
        Thread.sleep(500);
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(this::recipient))
            .containsExactlyInAnyOrder("victim@example.com", "Victim@Example.com", "victim@EXAMPLE.com",
                    "someone.else@example.com");
        assertThat(count("select count(*) from notify_subscription")).isEqualTo(4);
        // Counted by a keyed hash: no address in the limit's rows.
        assertThat(this.jdbc.queryForList("select address_hash from notify_confirm_sent", String.class)).hasSize(4)
            .allSatisfy((hash) -> assertThat(hash).hasSize(64).doesNotContain("@"));
    }

    @Test
    void anEmailSubscriptionFailingForSevenDaysIsPausedAndItsOwnerIsToldByMail() throws Exception {
        JsonNode created = JSON.readTree(api(client(), "email", "owner@example.com").body());
        assertThat(mail.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        this.jdbc.update("update notify_subscription set status = 'ACTIVE', failing_since = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(8))));
        mail.purgeEmailFromAllMailboxes();
        mail.stop();
        try {
            // The mail server is away: the alert fails once more, after eight days of failures.
            this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new IncidentOpened(
                    "incident-" + UUID.randomUUID() + "-opened", "stepfun", "m-1", false, "x", List.of("api"),
                    Status.MAJOR_OUTAGE, "down", Instant.now())));
            awaitPaused();
        }
        finally {
            mail = startMail();
        }
        MimeMessage notice = awaitMail("Your LLM Status alerts for StepFun are paused");
        assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("owner@example.com");
        String text = GreenMailUtil.getBody(notice);
        assertThat(text).contains("We could not deliver your alerts for StepFun for several days")
            .contains(URI.create(created.get("manage_url").asString()).getPath());
        assertThat(notice.getHeader("List-Unsubscribe")[0]).contains("/notify/unsubscribe/");
    }

    // --- helpers

    private void awaitPaused() throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            if (count("select count(*) from notify_subscription where status = 'PAUSED'") == 1) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The subscription was not paused within " + PATIENCE);
    }

    private MimeMessage awaitMail(String subject) throws Exception {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            for (MimeMessage message : mail.getReceivedMessages()) {
                if (subject.equals(message.getSubject())) {
                    return message;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No mail \"" + subject + "\" within " + PATIENCE);
    }

    private String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        }
        catch (jakarta.mail.MessagingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private int count(String sql) {
        return this.jdbc.queryForObject(sql, Integer.class);
    }

    /** A visitor address of its own (the proxy's last entry is the client), as a trusted proxy reports it. */
    private static String client() {
        int n = CLIENTS.incrementAndGet();
        return "203.0.113.7, 198.51." + (n / 250) + "." + (1 + n % 250);
    }

    private HttpResponse<String> api(String client, String channel, String target)
            throws IOException, InterruptedException {
        String json = "{\"provider\": \"stepfun\", \"channel\": \"" + channel + "\", \"target\": \"" + target + "\"}";
        return send(client, "/api/v1/subscriptions", json, "application/json");
    }

    private HttpResponse<String> form(String client, String channel, String target)
            throws IOException, InterruptedException {
        return send(client, "/notify/subscribe", "provider=stepfun&channel=" + channel + "&target="
                + URLEncoder.encode(target, StandardCharsets.UTF_8) + "&website=", "application/x-www-form-urlencoded");
    }

    private HttpResponse<String> send(String client, String path, String body, String contentType)
            throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", contentType)
            .header("Accept", "text/html, application/json")
            .header("X-Forwarded-For", client)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static GreenMail startMail() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
