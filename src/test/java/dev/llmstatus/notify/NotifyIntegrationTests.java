package dev.llmstatus.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.StoredOfficialPages;
import dev.llmstatus.status.ComponentLevelChanged;
import dev.llmstatus.status.IncidentOpened;
import dev.llmstatus.status.IncidentResolved;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEvent;
import dev.llmstatus.support.Officials;

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
 * Subscriptions and deliveries over real HTTP and real SMTP (GreenMail in this JVM), on H2. Status events are
 * published the way the status engine publishes them: inside a transaction.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "llmstatus.probe.enabled=false",
        "llmstatus.status.rebuild-interval=1h", "llmstatus.notify.allow-private-targets=true",
        "llmstatus.notify.poll-interval=100ms", "llmstatus.notify.first-retry=300ms",
        "llmstatus.notify.max-retry-delay=1s", "llmstatus.notify.flap-window=3s",
        "llmstatus.notify.connect-timeout=1s", "llmstatus.notify.request-timeout=2s", "llmstatus.notify.lease=20s",
        "llmstatus.notify.per-host-concurrency=2", "llmstatus.notify.hourly-budget=1000" })
class NotifyIntegrationTests {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Duration PATIENCE = Duration.ofSeconds(20);

    static {
        MAIL.start();
    }

    static WebhookReceiver receiver;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        if (receiver != null) {
            receiver.close();
            receiver = null;
        }
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

    @Autowired
    NotifyMaintenance maintenance;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @BeforeEach
    void reset() throws Exception {
        if (receiver == null) {
            receiver = WebhookReceiver.start();
        }
        this.jdbc.update("delete from notify_delivery");
        this.jdbc.update("delete from notify_event");
        this.jdbc.update("delete from notify_subscription");
        MAIL.purgeEmailFromAllMailboxes();
    }

    @Test
    void webhookSubscriptionAnswers201AndGetsOneSignedPostPerEvent() throws Exception {
        String path = "/hook-" + UUID.randomUUID();
        HttpResponse<String> created = subscribe("stepfun", "webhook", receiver.url(path), null);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("status").asString()).isEqualTo("active");
        String secret = body.get("secret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        assertThat(body.get("manage_url").asString()).contains("/notify/manage/");
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");

        Instant start = Instant.parse("2026-11-29T15:28:00Z");
        String opened = "incident-" + UUID.randomUUID() + "-opened";
        publish(new IncidentOpened(opened, "stepfun", "42", false, "API failing", List.of("api"),
                Status.MAJOR_OUTAGE, "API front door failing for 4 min (HTTP 503)", start));
        WebhookReceiver.Received first = receiver.await((r) -> r.path().equals(path), PATIENCE);
        assertThat(first.header("X-LLMStatus-Event-Id")).isEqualTo(opened);
        assertThat(first.header("Content-Type")).startsWith("application/json");
        assertThat(first.header("X-LLMStatus-Signature")).isEqualTo("sha256=" + hmac(secret, first.body()));
        JsonNode payload = JSON.readTree(first.body());
        assertThat(payload.get("id").asString()).isEqualTo(opened);
        assertThat(payload.get("type").asString()).isEqualTo("incident.opened");
        assertThat(payload.get("occurred_at").asString()).isEqualTo("2026-11-29T15:28:00Z");
        assertThat(payload.get("provider").get("slug").asString()).isEqualTo("stepfun");
        assertThat(payload.get("provider").get("name").asString()).isEqualTo("StepFun");
        assertThat(payload.get("provider").get("status").asString()).isEqualTo("major_outage");
        assertThat(payload.get("provider").get("url").asString()).endsWith("/status/stepfun");
        assertThat(payload.get("component").isNull()).isTrue();
        assertThat(payload.get("incident").get("id").asString()).isEqualTo("42");
        assertThat(payload.get("incident").get("impact").asString()).isEqualTo("critical");
        assertThat(payload.get("incident").get("url").asString()).endsWith("/status/stepfun/incidents/42");
        assertThat(payload.get("incident").get("official").asBoolean()).isFalse();
        assertThat(payload.get("reason").asString()).isEqualTo("API front door failing for 4 min (HTTP 503)");

        String resolved = "incident-" + UUID.randomUUID() + "-resolved";
        publish(new IncidentResolved(resolved, "stepfun", "42", false, "API failing", List.of("api"),
                Status.MAJOR_OUTAGE, "Answering normally again", start, start.plus(23, ChronoUnit.MINUTES)));
        WebhookReceiver.Received second = receiver.await(
                (r) -> r.path().equals(path) && resolved.equals(r.header("X-LLMStatus-Event-Id")), PATIENCE);
        assertThat(JSON.readTree(second.body()).get("type").asString()).isEqualTo("incident.resolved");
        assertThat(JSON.readTree(second.body()).get("incident").get("status").asString()).isEqualTo("resolved");
        awaitSettled();
        assertThat(receiver.received(path)).hasSize(2);
        assertThat(this.meters.get("llmstatus.notify.deliveries").tag("channel", "webhook").tag("outcome", "delivered")
            .counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(this.meters.get("llmstatus.notify.delivery.lag").tag("channel", "webhook").timer().count())
            .isGreaterThanOrEqualTo(2);
        assertThat(this.meters.get("llmstatus.notify.outbox.pending").gauge()).isNotNull();
    }

    @Test
    void officialIncidentsAreSentOncePerChangeAsTheProvidersOwnReportLinkingOurIncidentPage() throws Exception {
        String hook = "/official-" + UUID.randomUUID();
        String slack = "/official-slack-" + UUID.randomUUID();
        String other = "/official-web-only-" + UUID.randomUUID();
        assertThat(subscribe("openai", "webhook", receiver.url(hook), "[\"api\"]").statusCode()).isEqualTo(201);
        assertThat(subscribe("openai", "slack", receiver.url(slack), null).statusCode()).isEqualTo(201);
        assertThat(subscribe("openai", "webhook", receiver.url(other), "[\"web\"]").statusCode()).isEqualTo(201);
        assertThat(subscribe("openai", "email", "official@example.com", null).statusCode()).isEqualTo(201);
        assertThat(MAIL.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        this.jdbc.update("update notify_subscription set status = 'ACTIVE' where channel = 'EMAIL'");

        Instant start = Instant.parse("2026-11-29T15:28:00Z");
        URI link = URI.create("https://status.openai.com/incidents/01JABC");
        OfficialIncident.Update first = new OfficialIncident.Update("investigating",
                "<p>We are seeing elevated errors on the API.</p>", start);
        OfficialIncident open = Officials.incident("openai", "01JABC", "Elevated API errors", Status.PARTIAL_OUTAGE,
                "investigating", start, null, link, List.of("Chat Completions"), List.of(first));
        // History: an incident first seen already resolved is not news.
        OfficialIncident old = Officials.incident("openai", "01JOLD", "Yesterday's blip", Status.DEGRADED,
                "resolved", start.minus(Duration.ofDays(1)), start.minus(Duration.ofHours(23)), link,
                List.of("Chat Completions"),
                List.of());
        // Two instances reading the same page one after the other: the second finds the change stored.
        saveOfficial(open, old);
        saveOfficial(open, old);
        OfficialIncident identified = Officials.incident("openai", "01JABC", "Elevated API errors",
                Status.MAJOR_OUTAGE, "identified", start, null, link, List.of("Chat Completions"),
                List.of(new OfficialIncident.Update("identified", "<p>A bad deploy; rolling back.</p>",
                        start.plus(Duration.ofMinutes(12))), first));
        saveOfficial(identified, old);
        saveOfficial(identified, old);
        OfficialIncident resolved = Officials.incident("openai", "01JABC", "Elevated API errors",
                Status.MAJOR_OUTAGE, "resolved", start, start.plus(Duration.ofMinutes(40)), link,
                List.of("Chat Completions"),
                List.of(new OfficialIncident.Update("resolved", "<p>All good.</p>", start.plus(Duration.ofMinutes(40))),
                        identified.updates().get(0), first));
        saveOfficial(resolved, old);
        saveOfficial(resolved, old);

        awaitSettled();
        List<WebhookReceiver.Received> got = receiver.received(hook);
        assertThat(got).extracting((r) -> JSON.readTree(r.body()).get("type").asString())
            .containsExactly("incident.opened", "incident.updated", "incident.resolved");
        assertThat(got).extracting((r) -> r.header("X-LLMStatus-Event-Id")).doesNotHaveDuplicates()
            .allSatisfy((id) -> assertThat(id).startsWith("official-openai-o-01JABC-"));
        JsonNode opened = JSON.readTree(got.get(0).body());
        assertThat(opened.get("incident").get("official").asBoolean()).isTrue();
        assertThat(opened.get("incident").get("id").asString()).isEqualTo("o-01JABC");
        assertThat(opened.get("incident").get("name").asString()).isEqualTo("Elevated API errors");
        assertThat(opened.get("incident").get("url").asString()).endsWith("/status/openai/incidents/o-01JABC");
        assertThat(opened.get("reason").asString()).isEqualTo("We are seeing elevated errors on the API.");
        assertThat(JSON.readTree(got.get(1).body()).get("incident").get("impact").asString()).isEqualTo("critical");
        assertThat(JSON.readTree(got.get(2).body()).get("incident").get("status").asString()).isEqualTo("resolved");
        // The incident names only the official component of our API (Chat Completions): a subscription to the website
        // hears nothing.
        assertThat(receiver.received(other)).isEmpty();

        List<String> texts = receiver.received(slack).stream()
            .map((r) -> JSON.readTree(r.body()).get("text").asString()).toList();
        assertThat(texts).containsExactly(
                "OpenAI's status page reports an incident: \"Elevated API errors\" (since 15:28 UTC)",
                "OpenAI's status page updated \"Elevated API errors\" (since 15:28 UTC)",
                "OpenAI's status page: resolved \"Elevated API errors\" (after 40 min)");
        assertThat(receiver.received(slack).get(1).body()).contains("A bad deploy; rolling back.")
            .contains("/status/openai/incidents/o-01JABC|The incident on LLM Status>");

        assertThat(MAIL.waitForIncomingEmail(PATIENCE.toMillis(), 4)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[1];
        assertThat(mail.getSubject()).startsWith("OpenAI's status page reports an incident");
        assertThat(GreenMailUtil.getBody(mail)).contains("OpenAI's own status page reports an incident")
            .contains("/status/openai/incidents/o-01JABC");
        assertThat(this.jdbc.queryForObject("select count(*) from notify_event where official", Integer.class))
            .isEqualTo(3);
    }

    @Test
    void pruningDeletesFinishedDeliveriesAndTheirEventsPastTheRetentionOncePerPeriod() throws Exception {
        subscribe("stepfun", "webhook", receiver.url("/prune-" + UUID.randomUUID()), null);
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add("incident-" + UUID.randomUUID() + "-opened");
            publish(new IncidentOpened(ids.get(i), "stepfun", "p" + i, false, "x", List.of("api"), Status.DEGRADED,
                    "slow", Instant.now()));
        }
        awaitSettled();
        java.sql.Timestamp old = java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(31)));
        // Delivered and failed long ago go; pending (a retry still due) stays whatever its age; recent ones stay.
        this.jdbc.update("update notify_delivery set state = 'FAILED' where event_id = ?", ids.get(1));
        this.jdbc.update("update notify_delivery set state = 'PENDING', next_attempt_at = ? where event_id = ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofDays(1))), ids.get(2));
        for (String id : ids.subList(0, 3)) {
            this.jdbc.update("update notify_delivery set created_at = ? where event_id = ?", old, id);
            this.jdbc.update("update notify_event set recorded_at = ? where id = ?", old, id);
        }
        this.jdbc.update("delete from notify_confirm_sent");
        this.jdbc.update("insert into notify_confirm_sent (address_hash, sent_at) values ('old', ?), ('new', ?)",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(25))), java.sql.Timestamp.from(Instant.now()));

        this.maintenance.prune();
        assertThat(this.jdbc.queryForList("select id from notify_event", String.class))
            .containsExactlyInAnyOrder(ids.get(2), ids.get(3));
        assertThat(this.jdbc.queryForList("select event_id from notify_delivery", String.class))
            .containsExactlyInAnyOrder(ids.get(2), ids.get(3));
        assertThat(this.jdbc.queryForList("select address_hash from notify_confirm_sent", String.class))
            .containsExactly("new");

        // The period's lock is held: pruning again, here or on another instance, waits for the next period.
        this.jdbc.update("update notify_delivery set state = 'DELIVERED' where event_id = ?", ids.get(2));
        this.maintenance.prune();
        assertThat(this.jdbc.queryForList("select event_id from notify_delivery", String.class))
            .containsExactlyInAnyOrder(ids.get(2), ids.get(3));
        this.jdbc.update("delete from notify_delivery where event_id = ?", ids.get(2));
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        assertBad(subscribe(null, "webhook", receiver.url("/x"), null), "provider");
        assertBad(subscribe("no-such-provider", "webhook", receiver.url("/x"), null), "provider");
        assertBad(subscribe("stepfun", "pigeon", receiver.url("/x"), null), "channel");
        assertBad(subscribe("stepfun", "webhook", "", null), "target");
        assertBad(subscribe("stepfun", "webhook", "ftp://example.com/hook", null), "target");
        assertBad(subscribe("stepfun", "email", "not an address", null), "target");
        assertBad(subscribe("stepfun", "webhook", receiver.url("/x"), "[\"nope\"]"), "components");
        assertBad(subscribe("*", "webhook", receiver.url("/x"), "[\"api\"]"), "components");
        assertBad(post("/api/v1/subscriptions", "{\"provider\": ", "application/json"), "body");
        assertBad(post("/api/v1/subscriptions", "[1, 2]", "application/json"), "body");
        assertBad(post("/api/v1/subscriptions", "{\"provider\": 7, \"channel\": \"webhook\"}", "application/json"),
                "provider");
        HttpResponse<String> plain = post("/api/v1/subscriptions", "{}", "text/plain");
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).contains("json"));
        assertThat(this.jdbc.queryForObject("select count(*) from notify_subscription", Integer.class)).isZero();
    }

    @Test
    void emailIsDoubleOptInAndUnsubscribesWithOneClick() throws Exception {
        HttpResponse<String> created = subscribe("stepfun", "email", "dev@example.com", "[\"api\"]");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.get("status").asString()).isEqualTo("pending_confirmation");
        assertThat(body.has("secret")).isFalse();

        assertThat(MAIL.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
        MimeMessage confirmation = MAIL.getReceivedMessages()[0];
        assertThat(confirmation.getSubject()).isEqualTo("Confirm your LLM Status alerts for StepFun");
        String confirmPath = path(GreenMailUtil.getBody(confirmation), "/notify/confirm/");

        // Not confirmed yet: an outage sends nothing.
        publish(new IncidentOpened("incident-" + UUID.randomUUID() + "-opened", "stepfun", "1", false, "x",
                List.of("api"), Status.MAJOR_OUTAGE, "API failing", Instant.now()));
        awaitSettled();
        assertThat(MAIL.getReceivedMessages()).hasSize(1);

        HttpResponse<String> page = get(confirmPath);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Confirm the alerts");
        assertThat(post(confirmPath, "", "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);

        Instant since = Instant.parse("2026-11-29T15:28:00Z");
        publish(new IncidentOpened("incident-" + UUID.randomUUID() + "-opened", "stepfun", "2", false, "x",
                List.of("api"), Status.MAJOR_OUTAGE, "API front door failing for 4 min (HTTP 503)", since));
        assertThat(MAIL.waitForIncomingEmail(PATIENCE.toMillis(), 2)).isTrue();
        MimeMessage alert = MAIL.getReceivedMessages()[1];
        assertThat(alert.getSubject()).isEqualTo("StepFun: major outage of API (since 15:28 UTC)");
        assertThat(alert.getAllRecipients()[0].toString()).isEqualTo("dev@example.com");
        assertThat(alert.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = alert.getHeader("List-Unsubscribe")[0];
        assertThat(unsubscribe).startsWith("<http").endsWith(">").contains("/notify/unsubscribe/");
        String mailText = GreenMailUtil.getBody(alert);
        assertThat(mailText).contains("API front door failing for 4 min (HTTP 503)")
            .contains("/status/stepfun/incidents/2")
            .contains("text/plain").contains("text/html").contains("/notify/manage/");

        // RFC 8058: the mail provider POSTs the form body from its own servers, with no Origin of ours.
        String oneClick = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1)).getPath();
        HttpResponse<String> gone = post(oneClick, "List-Unsubscribe=One-Click", "application/x-www-form-urlencoded");
        assertThat(gone.statusCode()).isEqualTo(200);
        assertThat(this.jdbc.queryForObject("select count(*) from notify_subscription", Integer.class)).isZero();
        publish(new IncidentOpened("incident-" + UUID.randomUUID() + "-opened", "stepfun", "3", false, "x",
                List.of("api"), Status.MAJOR_OUTAGE, "API failing", Instant.now()));
        awaitSettled();
        assertThat(MAIL.getReceivedMessages()).hasSize(2);
        assertThat(get(confirmPath).statusCode()).isEqualTo(404);
    }

    @Test
    void unconfirmedEmailSubscriptionsAreDeletedAfter48Hours() throws Exception {
        assertThat(subscribe("stepfun", "email", "late@example.com", null).statusCode()).isEqualTo(201);
        assertThat(subscribe("stepfun", "email", "fresh@example.com", null).statusCode()).isEqualTo(201);
        this.jdbc.update("update notify_subscription set created_at = ? where target = 'late@example.com'",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofHours(49))));
        this.maintenance.deleteUnconfirmed();
        assertThat(this.jdbc.queryForList("select target from notify_subscription", String.class))
            .containsExactly("fresh@example.com");
    }

    @Test
    void aTargetAnswering500ThenSucceedingIsRetriedWithTheSameEventAndSignature() throws Exception {
        String path = "/flaky-" + UUID.randomUUID();
        receiver.answer(path, WebhookReceiver.Answer.status(500), WebhookReceiver.Answer.status(500));
        subscribe("stepfun", "webhook", receiver.url(path), null);
        String id = "incident-" + UUID.randomUUID() + "-opened";
        publish(new IncidentOpened(id, "stepfun", "7", false, "x", List.of("api"), Status.PARTIAL_OUTAGE, "API errors",
                Instant.now()));
        receiver.await((r) -> r.path().equals(path) && r.accepted(), PATIENCE);
        List<WebhookReceiver.Received> all = receiver.received(path);
        assertThat(all).hasSize(3).extracting(WebhookReceiver.Received::accepted).containsExactly(false, false, true);
        assertThat(all).extracting((r) -> r.header("X-LLMStatus-Event-Id")).containsOnly(id);
        assertThat(all).extracting((r) -> r.header("X-LLMStatus-Signature")).hasSize(3).containsOnly(
                all.get(0).header("X-LLMStatus-Signature"));
        awaitSettled();
        assertThat(this.jdbc.queryForObject("select attempts from notify_delivery", Integer.class)).isEqualTo(3);
        assertThat(this.jdbc.queryForObject("select state from notify_delivery", String.class)).isEqualTo("DELIVERED");
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        String path = "/busy-" + UUID.randomUUID();
        receiver.answer(path, WebhookReceiver.Answer.retryAfter(429, "3600"));
        subscribe("stepfun", "webhook", receiver.url(path), null);
        Instant before = Instant.now();
        publish(new IncidentOpened("incident-" + UUID.randomUUID() + "-opened", "stepfun", "8", false, "x",
                List.of("api"), Status.DEGRADED, "slow", Instant.now()));
        receiver.await((r) -> r.path().equals(path), PATIENCE);
        java.sql.Timestamp next = awaitValue(
                "select next_attempt_at from notify_delivery where state = 'PENDING' and attempts = 1",
                java.sql.Timestamp.class);
        // Our own backoff would be under a second here; the target asked for an hour.
        assertThat(next.toInstant()).isAfter(before.plus(Duration.ofMinutes(59)));
        assertThat(this.jdbc.queryForObject("select last_error from notify_delivery", String.class))
            .isEqualTo("HTTP 429");
    }

    @Test
    void aHangingTargetDoesNotDelayAnother() throws Exception {
        // Per-host concurrency is 2 here: three hanging deliveries fill 127.0.0.1's line and leave one waiting.
        for (int i = 0; i < 3; i++) {
            String hang = "/hang-" + i;
            receiver.answer(hang, WebhookReceiver.Answer.hanging());
            subscribe("stepfun", "webhook", receiver.url(hang), null);
        }
        String fast = "/fast-" + UUID.randomUUID();
        subscribe("stepfun", "webhook", receiver.url("localhost", fast), null);
        publish(new IncidentOpened("incident-" + UUID.randomUUID() + "-opened", "stepfun", "9", false, "x",
                List.of("api"), Status.MAJOR_OUTAGE, "down", Instant.now()));
        receiver.await((r) -> r.path().equals(fast), PATIENCE);
        int hanging = receiver.arrived("/hang-0") + receiver.arrived("/hang-1") + receiver.arrived("/hang-2");
        assertThat(receiver.received().stream().filter((r) -> r.path().startsWith("/hang-"))).isEmpty();
        assertThat(hanging).isLessThanOrEqualTo(2);
        receiver.release();
        receiver.close();
        receiver = null;
    }

    @Test
    void slackAndDiscordGetTheirOwnPayloads() throws Exception {
        String slack = "/slack-" + UUID.randomUUID();
        String discord = "/discord-" + UUID.randomUUID();
        assertThat(subscribe("stepfun", "slack", receiver.url(slack), null).statusCode()).isEqualTo(201);
        assertThat(subscribe("stepfun", "discord", receiver.url(discord), null).statusCode()).isEqualTo(201);
        publish(new IncidentOpened("incident-" + UUID.randomUUID() + "-opened", "stepfun", "5", false, "x",
                List.of("api"), Status.MAJOR_OUTAGE, "Errors <everywhere> & more @everyone",
                Instant.parse("2026-11-29T15:28:00Z")));
        JsonNode slackBody = JSON.readTree(receiver.await((r) -> r.path().equals(slack), PATIENCE).body());
        assertThat(slackBody.get("text").asString()).isEqualTo("StepFun: major outage of API (since 15:28 UTC)");
        String section = slackBody.get("blocks").get(0).get("text").get("text").asString();
        assertThat(section).startsWith("*StepFun: major outage of API (since 15:28 UTC)*")
            .contains("Errors &lt;everywhere&gt; &amp; more")
            .contains("/status/stepfun/incidents/5|The incident on LLM Status>");
        JsonNode discordBody = JSON.readTree(receiver.await((r) -> r.path().equals(discord), PATIENCE).body());
        assertThat(discordBody.get("content").asString()).isEqualTo("StepFun: major outage of API (since 15:28 UTC)");
        assertThat(discordBody.get("embeds").get(0).get("color").asInt()).isEqualTo(0xC62828);
        assertThat(discordBody.get("embeds").get(0).get("url").asString()).endsWith("/status/stepfun/incidents/5");
        assertThat(discordBody.get("allowed_mentions").get("parse").size()).isZero();
    }

    @Test
    void aFlappingComponentSendsOneSummaryInsteadOfAMessagePerChange() throws Exception {
        String slack = "/flap-" + UUID.randomUUID();
        subscribe("stepfun", "slack", receiver.url(slack), null);
        Instant now = Instant.now();
        Status[] levels = { Status.DEGRADED, Status.OPERATIONAL, Status.MAJOR_OUTAGE, Status.OPERATIONAL };
        Status previous = Status.OPERATIONAL;
        for (int i = 0; i < levels.length; i++) {
            publish(new ComponentLevelChanged("flap-" + UUID.randomUUID(), "stepfun", "api", previous, levels[i],
                    levels[i].label(), now.plusSeconds(i)));
            previous = levels[i];
            if (i < 2) {
                int expected = i + 1;
                receiver.await((r) -> receiver.received(slack).size() == expected, PATIENCE);
            }
        }
        receiver.await((r) -> r.path().equals(slack) && r.body().contains("unsteady"), PATIENCE);
        awaitSettled();
        List<WebhookReceiver.Received> got = receiver.received(slack);
        // A change and its recovery at once; from the third change within the window, one summary.
        assertThat(got).hasSize(3);
        assertThat(JSON.readTree(got.get(0).body()).get("text").asString())
            .startsWith("StepFun: API is now degraded performance");
        assertThat(JSON.readTree(got.get(1).body()).get("text").asString())
            .startsWith("StepFun: API is now operational");
        assertThat(JSON.readTree(got.get(2).body()).get("text").asString())
            .startsWith("StepFun: API is unsteady, now operational (4 changes");
    }

    @Test
    void aTargetFailingForSevenDaysIsPausedAndTheManagePageSaysSo() throws Exception {
        String path = "/dead-" + UUID.randomUUID();
        receiver.answer(path, WebhookReceiver.Answer.status(500));
        JsonNode created = JSON.readTree(subscribe("stepfun", "webhook", receiver.url(path), null).body());
        this.jdbc.update("update notify_subscription set failing_since = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(8))));
        publish(new IncidentOpened("incident-" + UUID.randomUUID() + "-opened", "stepfun", "6", false, "x",
                List.of("api"), Status.MAJOR_OUTAGE, "down", Instant.now()));
        assertThat(awaitValue("select status from notify_subscription where status = 'PAUSED'", String.class))
            .isEqualTo("PAUSED");
        String manage = URI.create(created.get("manage_url").asString()).getPath();
        HttpResponse<String> page = get(manage);
        assertThat(page.body()).contains("Paused.").contains("Switch the alerts back on");
        assertThat(page.body()).doesNotContain(path).doesNotContain(created.get("secret").asString());
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        post(manage + "/resume", "", "application/x-www-form-urlencoded");
        assertThat(this.jdbc.queryForObject("select status from notify_subscription", String.class)).isEqualTo("ACTIVE");
    }

    @Test
    void theFormSubscribesWithoutJavaScriptAndShowsTheSecretOnce() throws Exception {
        String path = "/form-" + UUID.randomUUID();
        HttpResponse<String> page = post("/notify/subscribe", "provider=stepfun&channel=webhook&target="
                + java.net.URLEncoder.encode(receiver.url(path), StandardCharsets.UTF_8) + "&components=api&website=",
                "application/x-www-form-urlencoded");
        assertThat(page.statusCode()).isEqualTo(200);
        String secret = this.jdbc.queryForObject("select secret from notify_subscription", String.class);
        // The secret is written in four parts with line-break opportunities between them, for phones.
        assertThat(page.body().replace("<wbr>", "")).contains(secret).contains("/notify/manage/");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        String token = this.jdbc.queryForObject("select token from notify_subscription", String.class);
        assertThat(get("/notify/manage/" + token).body()).doesNotContain(secret).contains("API");

        HttpResponse<String> refused = post("/notify/subscribe", "provider=stepfun&channel=webhook&target=ftp%3A%2F%2Fx",
                "application/x-www-form-urlencoded");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Use an https:// URL.").contains("Get notified");

        HttpResponse<String> bot = post("/notify/subscribe", "provider=stepfun&channel=webhook&target="
                + java.net.URLEncoder.encode(receiver.url(path), StandardCharsets.UTF_8) + "&website=spam",
                "application/x-www-form-urlencoded");
        assertThat(bot.statusCode()).isEqualTo(200);
        assertThat(this.jdbc.queryForObject("select count(*) from notify_subscription", Integer.class)).isEqualTo(1);
    }

    @Test
    void crossSitePostsAreRefused() throws Exception {
        String form = "provider=stepfun&channel=webhook&target="
                + java.net.URLEncoder.encode(receiver.url("/csrf"), StandardCharsets.UTF_8);
        for (String[] header : List.of(new String[] { "Origin", "https://evil.example" },
                new String[] { "Sec-Fetch-Site", "cross-site" })) {
            HttpResponse<String> refused = this.http.send(HttpRequest.newBuilder(uri("/notify/subscribe"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(header[0], header[1])
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(header[0]).isEqualTo(403);
        }
        assertThat(this.jdbc.queryForObject("select count(*) from notify_subscription", Integer.class)).isZero();
        HttpResponse<String> sameSite = this.http.send(HttpRequest.newBuilder(uri("/notify/subscribe"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Sec-Fetch-Site", "same-origin")
            .header("Origin", "http://localhost:" + this.port)
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(sameSite.statusCode()).isEqualTo(200);
        assertThat(this.jdbc.queryForObject("select count(*) from notify_subscription", Integer.class)).isEqualTo(1);
    }

    @Test
    void pagesOfferTheFormWithEmailWhenAMailServerIsSetUp() throws Exception {
        for (String path : List.of("/", "/status/stepfun", "/is-stepfun-down", "/status/stepfun/errors/429-rate-limit-exceeded")) {
            String html = get(path).body();
            assertThat(html).as(path).contains("action=\"/notify/subscribe\"").contains("value=\"email\"");
        }
    }

    // --- helpers

    /** One reading of OpenAI's official page listing these incidents. */
    void saveOfficial(OfficialIncident... incidents) {
        StoredOfficialPages.save(this.context, Officials.page("openai", Instant.now(), Status.OPERATIONAL, null,
                Map.of("Chat Completions", Status.OPERATIONAL), List.of(incidents), null));
    }

    void publish(StatusEvent event) {
        this.transactions.executeWithoutResult((status) -> this.events.publishEvent(event));
    }

    /** Waits until nothing is pending or being sent. */
    void awaitSettled() throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        Thread.sleep(300);
        while (System.nanoTime() < end) {
            Integer open = this.jdbc.queryForObject(
                    "select count(*) from notify_delivery where state in ('PENDING', 'SENDING')", Integer.class);
            if (open == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Deliveries still pending after " + PATIENCE);
    }

    <T> T awaitValue(String sql, Class<T> type) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < end) {
            List<T> values = this.jdbc.queryForList(sql, type);
            if (!values.isEmpty()) {
                return values.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Nothing for " + sql + " after " + PATIENCE);
    }

    HttpResponse<String> subscribe(String provider, String channel, String target, String components)
            throws IOException, InterruptedException {
        StringBuilder json = new StringBuilder("{");
        if (provider != null) {
            json.append("\"provider\": \"").append(provider).append("\", ");
        }
        json.append("\"channel\": \"").append(channel).append("\", \"target\": \"").append(target).append('"');
        if (components != null) {
            json.append(", \"components\": ").append(components);
        }
        json.append('}');
        return post("/api/v1/subscriptions", json.toString(), "application/json");
    }

    HttpResponse<String> post(String path, String body, String contentType) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Accept", "text/html")
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static void assertBad(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("field").asString()).isEqualTo(field);
        assertThat(body.get("message").asString()).isNotBlank();
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String path(String text, String prefix) {
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "[A-Za-z0-9_-]{43}").matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        return matcher.group();
    }

}
