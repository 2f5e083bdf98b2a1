package dev.llmstatus.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.probe.SimulatedCatalog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain, with nothing scripted inside the application: subscribe by email and webhook, confirm the mail,
 * make the simulated provider fail, and receive one mail and one signed webhook per event from the real prober,
 * status engine and incident tracker; then recovery, and the incident resolved.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "llmstatus.notify.allow-private-targets=true", "llmstatus.notify.poll-interval=100ms",
        "llmstatus.probe.jitter=500ms", "llmstatus.probe.official-interval=1h", "llmstatus.probe.flush-interval=200ms",
        "llmstatus.status.rebuild-interval=500ms" })
class NotifyEndToEndIntegrationTests {

    static final ProviderSimulator simulator = ProviderSimulator.start();

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Duration PATIENCE = Duration.ofSeconds(60);

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void setUp(DynamicPropertyRegistry registry) throws Exception {
        simulator.set("/e2e/v1/models", Behaviour.status(401)).set("/steady/v1/models", Behaviour.status(401));
        Path file = Files.createTempDirectory("notify-e2e").resolve("providers.yml");
        new SimulatedCatalog(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofMillis(500))
            .provider("e2e", "Simulated E2E", simulator.uri("/e2e"))
            .component("api", "API", simulator.uri("/e2e/v1/models"), 401)
            .provider("steady", "Simulated Steady", simulator.uri("/steady"))
            .component("api", "API", simulator.uri("/steady/v1/models"), 401)
            .write(file);
        registry.add("llmstatus.catalog.location", () -> "file:" + file);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        simulator.close();
        MAIL.stop();
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void subscribeConfirmOutageRecovery() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            HttpResponse<String> email = subscribe("{\"provider\": \"e2e\", \"channel\": \"email\", "
                    + "\"target\": \"oncall@example.com\"}");
            assertThat(email.statusCode()).isEqualTo(201);
            assertThat(MAIL.waitForIncomingEmail(PATIENCE.toMillis(), 1)).isTrue();
            String confirm = NotifyIntegrationTests.path(GreenMailUtil.getBody(MAIL.getReceivedMessages()[0]),
                    "/notify/confirm/");
            assertThat(send("POST", confirm, "", "application/x-www-form-urlencoded").statusCode()).isEqualTo(200);
            JsonNode hook = JSON.readTree(subscribe("{\"provider\": \"e2e\", \"channel\": \"webhook\", \"target\": \""
                    + receiver.url("/e2e-hook") + "\"}").body());
            String secret = hook.get("secret").asString();

            // Healthy: several cycles pass and nothing is sent.
            Thread.sleep(3000);
            assertThat(receiver.received()).isEmpty();
            assertThat(MAIL.getReceivedMessages()).hasSize(1);

            simulator.set("/e2e/v1/models", Behaviour.status(503));
            receiver.await((r) -> type(r).equals("incident.opened"), PATIENCE);
            assertThat(MAIL.waitForIncomingEmail(PATIENCE.toMillis(), 2)).isTrue();
            MimeMessage outage = MAIL.getReceivedMessages()[1];
            assertThat(outage.getSubject()).startsWith("Simulated E2E: ").contains(" of API (since ")
                .endsWith(" UTC)");
            assertThat(GreenMailUtil.getBody(outage)).contains("/status/e2e");

            simulator.set("/e2e/v1/models", Behaviour.status(401));
            receiver.await((r) -> type(r).equals("incident.resolved"), PATIENCE);
            assertThat(MAIL.waitForIncomingEmail(PATIENCE.toMillis(), 3)).isTrue();
            assertThat(MAIL.getReceivedMessages()[2].getSubject()).startsWith("Simulated E2E: resolved");
            NotifyInstances.awaitSettled(this.jdbc, PATIENCE);
            Thread.sleep(1500);

            List<WebhookReceiver.Received> hooks = receiver.received("/e2e-hook");
            assertThat(hooks).allSatisfy((r) -> assertThat(r.header("X-LLMStatus-Signature"))
                .isEqualTo("sha256=" + NotifyIntegrationTests.hmac(secret, r.body())));
            Map<String, Long> perEvent = hooks.stream()
                .collect(Collectors.groupingBy((r) -> r.header("X-LLMStatus-Event-Id"), Collectors.counting()));
            assertThat(perEvent.values()).as("one webhook per event").containsOnly(1L);
            // Events of one transaction go out side by side, so their order at the receiver may vary.
            assertThat(hooks.stream().map(NotifyEndToEndIntegrationTests::type).toList()).containsExactlyInAnyOrder(
                    "component.changed", "incident.opened", "component.changed", "incident.resolved");
            // People get the incident, not each component change that came with it: one mail per incident event.
            assertThat(MAIL.getReceivedMessages()).hasSize(3);
        }
    }

    private static String type(WebhookReceiver.Received received) {
        return JSON.readTree(received.body()).get("type").asString();
    }

    private HttpResponse<String> subscribe(String json) throws Exception {
        return send("POST", "/api/v1/subscriptions", json, "application/json");
    }

    private HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
