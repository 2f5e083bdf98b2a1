package dev.llmstatus.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site as shipped: no mail server, private targets not allowed. It starts, hides email, refuses targets on our
 * own network when subscribing, and again at delivery time when a target's address changed after subscribing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "llmstatus.probe.enabled=false",
        "llmstatus.status.rebuild-interval=1h", "llmstatus.notify.poll-interval=100ms" })
class NotifyWithoutMailIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void withoutAMailServerEmailIsHiddenAndRefused() throws Exception {
        String home = send("GET", "/", null).body();
        assertThat(home).contains("action=\"/notify/subscribe\"").contains("value=\"webhook\"")
            .doesNotContain("value=\"email\"");
        HttpResponse<String> email = subscribe("{\"provider\": \"openai\", \"channel\": \"email\", \"target\": "
                + "\"dev@example.com\"}");
        assertThat(email.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(email.body()).get("field").asString()).isEqualTo("channel");
    }

    @Test
    void targetsOnOurOwnNetworkAreRefused() throws Exception {
        for (String target : List.of("http://example.com/hook", "https://127.0.0.1/hook", "https://localhost:8080/x",
                "https://169.254.169.254/latest/meta-data/", "https://[::1]/x", "https://10.0.0.1/x")) {
            HttpResponse<String> response = subscribe("{\"provider\": \"openai\", \"channel\": \"webhook\", "
                    + "\"target\": \"" + target + "\"}");
            assertThat(response.statusCode()).as(target).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("field").asString()).isEqualTo("target");
        }
        HttpResponse<String> slack = subscribe("{\"provider\": \"openai\", \"channel\": \"slack\", "
                + "\"target\": \"https://example.com/services/x\"}");
        assertThat(JSON.readTree(slack.body()).get("message").asString()).contains("hooks.slack.com");
    }

    @Test
    void aTargetThatTurnedPrivateIsRefusedAtDeliveryTime() throws Exception {
        // As if the name had resolved to a public address when subscribing, and to loopback now.
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String url = receiver.url("localhost", "/internal").replace("http:", "https:");
            this.jdbc.update("insert into notify_subscription (provider, channel, target, host, secret, token, status, "
                    + "created_at) values ('openai', 'WEBHOOK', ?, 'localhost', 's', ?, 'ACTIVE', current_timestamp)", url,
                    UUID.randomUUID().toString().replace("-", ""));
            String id = "incident-" + UUID.randomUUID() + "-opened";
            this.transactions.executeWithoutResult((status) -> this.events.publishEvent(new IncidentOpened(id, "openai",
                    "1", false, "x", List.of(), Status.MAJOR_OUTAGE, "down", Instant.now())));
            String state = null;
            for (int i = 0; i < 200 && !"FAILED".equals(state); i++) {
                Thread.sleep(50);
                state = this.jdbc.queryForObject("select state from notify_delivery where event_id = ?", String.class,
                        id);
            }
            assertThat(state).isEqualTo("FAILED");
            assertThat(receiver.arrived("/internal")).isZero();
            assertThat(this.jdbc.queryForObject("select last_error from notify_delivery where event_id = ?",
                    String.class, id)).contains("private");
        }
    }

    private HttpResponse<String> subscribe(String json) throws Exception {
        return send("POST", "/api/v1/subscriptions", json);
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
