package dev.llmstatus.model;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.probe.SimulatedCatalog;
import dev.llmstatus.probe.SimulatedModel;
import dev.llmstatus.probe.SimulatedModel.Failure;
import dev.llmstatus.probe.SimulatedModel.Wire;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model checks in the whole application on H2, against the simulator over real HTTP: scheduling through the prober,
 * history, the snapshot, the provider headline, pages, API and metrics, and a planted key that must appear nowhere.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ModelChecksIntegrationTests {

    /** Planted: it must never show up in logs, rows, pages, the API or metrics. */
    static final String KEY = "sk-sim-PLANTEDKEY-4f9a2c7e1b8d3f60aa";

    static final ProviderSimulator simulator = ProviderSimulator.start();

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) throws Exception {
        simulator.set("/sim/v1/models", Behaviour.status(401))
            .set("/sim/v1/chat/completions", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT).requireKey(KEY)))
            .set("/sim/v1/messages", Behaviour.model(SimulatedModel.of(Wire.ANTHROPIC_MESSAGES).requireKey(KEY)))
            .set("/sim/v1beta/models/sim-gemini:streamGenerateContent",
                    Behaviour.model(SimulatedModel.of(Wire.GEMINI_GENERATE).requireKey(KEY)))
            .set("/nokey/v1/models", Behaviour.status(401))
            .set("/leak/v1/models", Behaviour.status(401))
            .set("/leak/v1/chat/completions", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)
                .requireKey("sk-sim-the-right-one-000000000000")));
        Duration interval = Duration.ofSeconds(1);
        Duration timeout = Duration.ofSeconds(1);
        Duration threshold = Duration.ofMillis(900);
        Path file = Files.createTempDirectory("models-it").resolve("providers.yml");
        new SimulatedCatalog(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofSeconds(1))
            .provider("sim", "Simulated Models", simulator.uri("/sim"))
            .component("api", "API", simulator.uri("/sim/v1/models"), 401)
            .model("sim-chat", "Sim Chat", "openai-chat", simulator.uri("/sim/v1/chat/completions"), "SIM_MODEL_KEY",
                    interval, timeout, threshold, 1)
            .model("sim-claude", "Sim Claude", "anthropic-messages", simulator.uri("/sim/v1/messages"),
                    "SIM_MODEL_KEY", interval, timeout, threshold, 1)
            .model("sim-gemini", "Sim Gemini", "gemini-generate",
                    URI.create(simulator.uri("/sim/v1beta/models/sim-gemini:streamGenerateContent") + "?alt=sse"),
                    "SIM_MODEL_KEY", interval, timeout, threshold, 1)
            .provider("sim-nokey", "Simulated Without Key", simulator.uri("/nokey"))
            .component("api", "API", simulator.uri("/nokey/v1/models"), 401)
            .model("nokey-chat", "No Key Chat", "openai-chat", simulator.uri("/nokey/v1/chat/completions"),
                    "SIM_UNSET_KEY_VARIABLE", interval, timeout, threshold, 1)
            .provider("sim-leak", "Simulated Refused Key", simulator.uri("/leak"))
            .component("api", "API", simulator.uri("/leak/v1/models"), 401)
            .model("leak-chat", "Leak Chat", "openai-chat", simulator.uri("/leak/v1/chat/completions"),
                    "SIM_UNSET_KEY_VARIABLE", interval, timeout, threshold, 1)
            .write(file);
        registry.add("llmstatus.catalog.location", () -> "file:" + file);
        registry.add("SIM_MODEL_KEY", () -> KEY);
        registry.add("llmstatus.models.keys.sim-leak", () -> KEY);
        registry.add("llmstatus.probe.jitter", () -> "300ms");
        registry.add("llmstatus.probe.flush-interval", () -> "200ms");
        registry.add("llmstatus.models.flush-interval", () -> "200ms");
        registry.add("llmstatus.status.rebuild-interval", () -> "300ms");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Autowired
    StatusEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyProtocolIsCheckedAndShownOnPagesApiAndSitemap() {
        ProviderState sim = await(() -> this.engine.current().provider("sim").orElseThrow(),
                (state) -> state.models().stream().allMatch((m) -> m.level() == Status.OPERATIONAL));
        assertThat(sim.models()).extracting(ModelState::id).containsExactly("sim-chat", "sim-claude", "sim-gemini");
        assertThat(sim.models()).allSatisfy((model) -> {
            assertThat(model.reason()).startsWith("answering correctly (first token in");
            assertThat(model.ttftP50()).isGreaterThanOrEqualTo(200L);
            assertThat(model.tokensPerSecondP50()).isPositive();
        });
        assertThat(simulator.lastBody("/sim/v1/messages")).contains("What is 17*23? Reply with the number only.");

        String json = get("/api/v1/providers/sim/models.json");
        assertThat(json).contains("\"provider\":\"sim\"", "\"id\":\"sim-chat\"", "\"status\":\"operational\"",
                "\"ttft_ms\":{\"p50\":", "\"tokens_per_second\":{\"p50\":", "\"last_error\":null",
                "\"checks_last_hour\":");
        assertThat(get("/api/v1/providers/sim/summary.json")).contains("\"id\":\"models\",\"name\":\"Models\"",
                "\"id\":\"models.sim-gemini\"", "\"group_id\":\"models\"");
        assertThat(get("/status/sim")).contains("<h2 id=\"models\">Models</h2>", "href=\"/status/sim/models/sim-chat\"",
                "Sim Claude");
        String page = get("/status/sim/models/sim-gemini");
        assertThat(page).contains("Sim Gemini", "answering correctly", "Time to first token, last 24 hours",
                "Tokens per second, last 24 hours", "Availability, last 90 days", "<svg");
        assertThat(get("/sitemap.xml")).contains("/status/sim/models/sim-chat</loc>")
            .doesNotContain("/status/sim-nokey/models/");
    }

    @Test
    void withoutAKeyPagesAndApiSayChecksAreNotConfigured() {
        await(() -> this.engine.current().provider("sim").orElseThrow(), (state) -> state.lastChecked() != null);
        assertThat(simulator.hits("/nokey/v1/chat/completions")).isZero();
        assertThat(get("/status/sim-nokey")).contains("Model checks are not configured on this instance");
        assertThat(get("/status/sim-nokey/models/nokey-chat")).contains(
                "Model checks are not configured on this instance");
        assertThat(get("/api/v1/providers/sim-nokey/models.json")).contains("\"status\":\"unknown\"",
                "\"configured\":false", "\"note\":\"Model checks are not configured on this instance\"");
        assertThat(status("/status/sim/models/no-such-model")).isEqualTo(404);
    }

    @Test
    void aFailingModelRaisesTheProviderHeadlineNamingItAndRecovers() {
        await(() -> this.engine.current().provider("sim").orElseThrow(),
                (state) -> state.models().stream().allMatch((m) -> m.level() == Status.OPERATIONAL));
        simulator.set("/sim/v1beta/models/sim-gemini:streamGenerateContent",
                Behaviour.model(SimulatedModel.of(Wire.GEMINI_GENERATE).requireKey(KEY).failing(Failure.OVERLOADED)));
        ProviderState failing = await(() -> this.engine.current().provider("sim").orElseThrow(),
                (state) -> state.level() == Status.PARTIAL_OUTAGE);
        assertThat(failing.reason()).startsWith("sim-gemini failing: HTTP 529 UNAVAILABLE for");
        assertThat(failing.model("sim-gemini").orElseThrow().level()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(failing.model("sim-gemini").orElseThrow().lastErrorTopic()).isNotNull();
        assertThat(get("/status/sim")).contains("sim-gemini failing: HTTP 529");
        // The dashboard: the provider's row carries the level and the reason naming the model.
        String row = await(() -> dashboardRow("sim"), (text) -> text.contains("Partial outage"));
        assertThat(row).contains("Simulated Models", "sim-gemini failing: HTTP 529 UNAVAILABLE for");
        assertThat(get("/api/v1/providers/sim/models.json")).contains("\"status\":\"major_outage\"",
                "\"http_status\":529", "\"type\":\"UNAVAILABLE\"");
        simulator.set("/sim/v1beta/models/sim-gemini:streamGenerateContent",
                Behaviour.model(SimulatedModel.of(Wire.GEMINI_GENERATE).requireKey(KEY)));
        await(() -> this.engine.current().provider("sim").orElseThrow(),
                (state) -> state.level() == Status.OPERATIONAL);
    }

    @Test
    void aRefusedKeyIsUnknownNotAnOutageAndThePlantedKeyAppearsNowhere(CapturedOutput output) {
        ProviderState leak = await(() -> this.engine.current().provider("sim-leak").orElseThrow(),
                (state) -> state.model("leak-chat").orElseThrow().last() != null
                        && state.model("leak-chat").orElseThrow().level() == Status.UNKNOWN
                        && state.model("leak-chat").orElseThrow().reason().startsWith("not checked"));
        ModelState model = leak.model("leak-chat").orElseThrow();
        assertThat(model.reason()).startsWith("not checked: our API key was refused (HTTP 401");
        assertThat(leak.level()).isNotIn(Status.PARTIAL_OUTAGE, Status.MAJOR_OUTAGE);
        assertThat(model.last().detail()).contains("[redacted]");
        await(() -> output.getOut() + output.getErr(),
                (text) -> text.contains("Model check sim-leak/leak-chat: our API key was refused"));

        List<String> places = new ArrayList<>();
        places.add(output.getAll());
        for (String table : List.of("model_result", "probe_result", "model_rollup")) {
            this.jdbc.queryForList("select * from " + table)
                .forEach((row) -> places.add(table + ": " + row.values()));
        }
        for (String path : List.of("/status/sim-leak", "/status/sim-leak/models/leak-chat", "/status/sim",
                "/status/sim/models/sim-chat", "/", "/api/v1/providers/sim-leak/models.json",
                "/api/v1/providers/sim/models.json", "/api/v1/providers/sim-leak/summary.json", "/api/v1/summary.json",
                "/sitemap.xml", "/actuator/prometheus", "/status/sim-leak/errors/401-unauthorized")) {
            places.add(path + ": " + get(path));
        }
        String prometheus = get("/actuator/prometheus");
        assertThat(prometheus).contains("llmstatus_model_ttft_milliseconds", "llmstatus_model_checks_total",
                "llmstatus_model_tokens_per_second", "llmstatus_model_operator_warnings_total");
        List<String> fragments = List.of(KEY, KEY.substring(0, 8), KEY.substring(7, 17),
                KEY.substring(KEY.length() - 8));
        assertThat(places).hasSizeGreaterThan(10).allSatisfy((text) -> assertThat(text).doesNotContain(fragments));
    }

    private String get(String path) {
        try {
            HttpResponse<String> response = this.http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }
        catch (Exception ex) {
            throw new AssertionError(path, ex);
        }
    }

    /** The dashboard's row of one provider: the list item that links to its page. */
    private String dashboardRow(String slug) {
        String page = get("/");
        return Arrays.stream(page.split("<li class=\"service\""))
            .filter((item) -> item.contains("href=\"/status/" + slug + "\""))
            .map((item) -> item.substring(0, item.indexOf("</li>")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + slug + " on /"));
    }

    private int status(String path) {
        try {
            return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        }
        catch (Exception ex) {
            throw new AssertionError(path, ex);
        }
    }

    /** Polls until the condition holds; a busy machine only makes it slower, never a failure before 60 s. */
    static <T> T await(Supplier<T> value, Predicate<T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        T current = value.get();
        while (!condition.test(current)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 60 s; last value: " + current);
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            current = value.get();
        }
        return current;
    }

}
