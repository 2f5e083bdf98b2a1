package dev.llmstatus.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.llmstatus.official.OfficialHistory;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialLevel;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.support.LocalHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.llmstatus.probe.ProbingIntegrationTests.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Better Stack, Instatus, Rootly, Meta, Google Cloud and AWS Health pages served over real HTTP on loopback (the fixtures of
 * src/test/resources/official), read by the application's own schedule, stored, and shown on the provider pages.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OfficialPlatformsIntegrationTests {

    static final ProviderSimulator simulator = ProviderSimulator.start();

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) throws Exception {
        simulator.set("/bs/index.json", json("together-betterstack-index.json"))
            .set("/ins/summary.json", json("perplexity-instatus-summary.json"))
            .set("/ins/v3/components.json", json("perplexity-instatus-components.json"))
            .set("/rootly/api/v1/status.json", json("mistral-rootly-status.json"))
            .set("/meta/v1/status", json("meta-status-degraded.json"))
            .set("/gcp/incidents.json", json("gcp-incidents.json"))
            .set("/aws/public/currentevents",
                    Behaviour.bytes(200, "application/json;charset=utf-16", fixture("aws-currentevents.json")))
            .set("/api/v1/models", Behaviour.status(401));
        Path file = Files.createTempDirectory("platforms-it").resolve("providers.yml");
        new SimulatedCatalog(Duration.ofSeconds(30), Duration.ofMillis(1500), Duration.ofMillis(800))
            .provider("bs-sim", "Simulated Better Stack", simulator.uri("/bs"))
            .statusPage("betterstack", simulator.uri("/bs"), simulator.uri("/bs/index.json"))
            .component("api", "Chat Completions API", simulator.uri("/api/v1/models"), 401)
            .provider("ins-sim", "Simulated Instatus", simulator.uri("/ins"))
            .statusPage("instatus", simulator.uri("/ins"), simulator.uri("/ins/summary.json"))
            .component("api", "Sonar API", simulator.uri("/api/v1/models"), 401)
            .provider("rootly-sim", "Simulated Rootly", simulator.uri("/rootly"))
            .statusPage("rootly", simulator.uri("/rootly"), simulator.uri("/rootly/api/v1/status.json"))
            .component("api", "API", simulator.uri("/api/v1/models"), 401)
            .provider("meta-sim", "Simulated Meta", simulator.uri("/meta"))
            .statusPage("meta-status", simulator.uri("/meta"), simulator.uri("/meta/v1/status"))
            .component("api", "Llama API", simulator.uri("/api/v1/models"), 401)
            .provider("gcp-sim", "Simulated Vertex", simulator.uri("/gcp"))
            .statusPage("google-cloud", simulator.uri("/gcp"), simulator.uri("/gcp/incidents.json"),
                    "Vertex Gemini API")
            .component("api", "Vertex Gemini API", simulator.uri("/api/v1/models"), 401)
            .provider("aws-sim", "Simulated Bedrock", simulator.uri("/aws"))
            .statusPage("aws-health", simulator.uri("/aws"), simulator.uri("/aws/public/currentevents"),
                    "bedrock-us-east-1")
            .component("api", "Amazon Bedrock (us-east-1)", simulator.uri("/api/v1/models"), 401)
            .write(file);
        registry.add("llmstatus.catalog.location", () -> "file:" + file);
        registry.add("llmstatus.probe.official-interval", () -> "2s");
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Autowired
    OfficialHistory officialHistory;

    @LocalServerPort
    int port;

    @Test
    void everyPlatformIsReadOverHttpAndStoredWithItsIncidents() {
        Map<String, OfficialStatus> read = await(this::readings, (map) -> map.size() >= 6);
        assertThat(read.values()).allSatisfy((status) -> assertThat(status.error()).as(status.provider()).isNull());
        assertThat(read.get("bs-sim").overall()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(read.get("bs-sim").level("Chat Completions API")).isEqualTo(OfficialLevel.MAJOR_OUTAGE);
        assertThat(read.get("bs-sim").incidents()).filteredOn((incident) -> !incident.resolved())
            .singleElement()
            .satisfies((incident) -> assertThat(incident.updates()).hasSize(2));
        assertThat(read.get("ins-sim").overall()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(read.get("ins-sim").level("Sonar API")).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(read.get("rootly-sim").overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(read.get("rootly-sim").incidents()).extracting(OfficialIncident::externalId)
            .containsExactly("9b3f6c1e-52d0-4c7a-b1e8-0f4d2a7c9e31");
        assertThat(read.get("meta-sim").overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(read.get("meta-sim").level("Llama-4-Maverick-17B-128E-Instruct-FP8"))
            .isEqualTo(OfficialLevel.MAJOR_OUTAGE);
        assertThat(read.get("gcp-sim").level("Vertex Gemini API")).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(read.get("gcp-sim").incidents()).extracting(OfficialIncident::name)
            .doesNotContain("AlloyDB for PostgreSQL instance creation failures in us-east4");
        assertThat(read.get("aws-sim").overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(read.get("aws-sim").incidents()).extracting(OfficialIncident::name)
            .containsExactly("Increased Error Rates");
    }

    @Test
    void providerPageShowsWhatTheOfficialPageSaysAndEachIncidentHasItsPage() {
        Map<String, OfficialStatus> read = await(this::readings, (map) -> map.size() >= 6);
        String page = await(() -> LocalHttp.at(this.port).get("/status/bs-sim").body(),
                (html) -> html.contains("Elevated error rates on chat completions"));
        assertThat(page).contains("Elevated error rates on chat completions");
        OfficialIncident open = read.get("bs-sim").incidents().get(0);
        String incident = LocalHttp.at(this.port).get("/status/bs-sim/incidents/o-" + open.publicId()).body();
        assertThat(incident).contains("Requests to Llama models are failing.")
            .contains("We have identified the cause and are rolling back.");
        String vertex = await(() -> LocalHttp.at(this.port).get("/status/gcp-sim").body(),
                (html) -> html.contains("Vertex Gemini API customers are experiencing elevated error rates"));
        assertThat(vertex).contains("Vertex Gemini API customers are experiencing elevated error rates");
        OfficialIncident rootly = read.get("rootly-sim").incidents().get(0);
        String rootlyIncident = LocalHttp.at(this.port)
            .get("/status/rootly-sim/incidents/o-" + rootly.publicId())
            .body();
        assertThat(rootlyIncident).contains("Elevated latency on the Completion API")
            .contains("The cause is a saturated inference cluster; we are adding capacity.");
    }

    private Map<String, OfficialStatus> readings() {
        List<OfficialStatus> all = this.officialHistory.latestOfficial();
        return all.stream()
            .filter((status) -> status.provider().endsWith("-sim"))
            .collect(Collectors.toMap(OfficialStatus::provider, Function.identity()));
    }

    private static Behaviour json(String name) {
        return Behaviour.status(200, "application/json", new String(fixture(name), StandardCharsets.UTF_8));
    }

    private static byte[] fixture(String name) {
        try (InputStream in = OfficialPlatformsIntegrationTests.class.getResourceAsStream("/official/" + name)) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
