package dev.llmstatus.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialLevel;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.support.ScriptedSiteTests;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The whole Statuspage v2 public API, per provider and for the site, read over HTTP and by a real Statuspage client
 * from npm ({@code statuspage.io}, installed by this test into {@code target/npm} from the lock file in
 * {@code src/test/npm}).
 */
@TestPropertySource(properties = "llmstatus.site.base-url=https://llmstatus.example/")
class StatuspageApiIntegrationTests extends ScriptedSiteTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> DOCUMENTS = List.of("summary.json", "status.json", "components.json",
            "incidents.json", "incidents/unresolved.json", "scheduled-maintenances.json",
            "scheduled-maintenances/upcoming.json", "scheduled-maintenances/active.json");

    @BeforeEach
    void anthropicWithAnIncidentAndMaintenances() {
        this.script.run(3, java.util.Set.of(), java.util.Set.of("iflytek-spark"));
        Instant now = this.clock.instant();
        OfficialIncident open = new OfficialIncident("anthropic", "inc-open", "Elevated errors on Claude API",
                OfficialLevel.DEGRADED_PERFORMANCE, "identified", now.minus(Duration.ofMinutes(10)), null, null,
                List.of("Claude API (api.anthropic.com)"), List.of(new OfficialIncident.Update("identified", "Found <b>it</b>.", now)));
        OfficialIncident old = new OfficialIncident("anthropic", "inc-old", "Console login failures",
                OfficialLevel.PARTIAL_OUTAGE, "resolved", now.minus(Duration.ofDays(3)),
                now.minus(Duration.ofDays(3)).plus(Duration.ofHours(1)), null, List.of("Console"), List.of());
        OfficialIncident running = new OfficialIncident("anthropic", "mw-now", "Database upgrade",
                OfficialLevel.UNDER_MAINTENANCE, "in_progress", now.minus(Duration.ofDays(2)), null, null,
                List.of("Claude API (api.anthropic.com)"), List.of(), true, now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(1)));
        OfficialIncident next = new OfficialIncident("anthropic", "mw-next", "Network maintenance",
                OfficialLevel.UNDER_MAINTENANCE, "scheduled", now.minus(Duration.ofDays(1)), null, null, List.of(),
                List.of(), true, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(2)).plus(Duration.ofHours(2)));
        this.history.official(new OfficialStatus("anthropic", now, OfficialLevel.DEGRADED_PERFORMANCE,
                "Minor Service Outage", List.of(), List.of(open, old), List.of(running, next), null));
        this.engine.rebuild();
    }

    @Test
    void everyDocumentIsServedUnderAllThreeRootsWithTheSameAnswer() throws Exception {
        for (String document : DOCUMENTS) {
            String v1 = body("/api/v1/providers/anthropic/" + document);
            assertThat(body("/status/anthropic/api/v2/" + document)).as(document).isEqualTo(v1);
            assertThat(body("/api/v2/" + document)).as(document).isEqualTo(body("/api/v1/" + document));
            assertThat(JSON.readTree(v1).get("page").get("id").asString()).isEqualTo("anthropic");
        }
        assertThat(get("/status/nope/api/v2/incidents.json", "*/*").statusCode()).isEqualTo(404);
    }

    @Test
    void incidentsAndMaintenancesAreSplitAsStatuspageSplitsThem() throws Exception {
        JsonNode incidents = read("/status/anthropic/api/v2/incidents.json").get("incidents");
        assertThat(ids(incidents)).contains("o-inc-open", "o-inc-old").doesNotContain("o-mw-now");
        assertThat(byId(incidents, "o-inc-old").get("status").asString()).isEqualTo("resolved");
        assertThat(ids(read("/status/anthropic/api/v2/incidents/unresolved.json").get("incidents")))
            .contains("o-inc-open").doesNotContain("o-inc-old");

        JsonNode all = read("/status/anthropic/api/v2/scheduled-maintenances.json").get("scheduled_maintenances");
        assertThat(ids(all)).containsExactly("o-mw-now", "o-mw-next");
        JsonNode running = byId(all, "o-mw-now");
        assertThat(running.get("status").asString()).isEqualTo("in_progress");
        assertThat(running.get("impact").asString()).isEqualTo("maintenance");
        assertThat(running.get("scheduled_until").asString()).isNotNull();
        assertThat(ids(running.get("components"))).containsExactly("api");
        assertThat(ids(read("/status/anthropic/api/v2/scheduled-maintenances/active.json")
            .get("scheduled_maintenances"))).containsExactly("o-mw-now");
        assertThat(ids(read("/status/anthropic/api/v2/scheduled-maintenances/upcoming.json")
            .get("scheduled_maintenances"))).containsExactly("o-mw-next");
        assertThat(ids(read("/status/anthropic/api/v2/summary.json").get("scheduled_maintenances")))
            .containsExactly("o-mw-now", "o-mw-next");
        assertThat(ids(read("/api/v2/scheduled-maintenances.json").get("scheduled_maintenances")))
            .containsExactly("anthropic.o-mw-now", "anthropic.o-mw-next");

        for (String document : DOCUMENTS) {
            for (String id : allIds(read("/api/v2/" + document))) {
                assertThat(id).as(document).matches("[A-Za-z0-9._~-]+");
            }
        }
    }

    @Test
    void theNpmStatuspageClientReadsEveryDocumentAndNeverSeesAllOperationalForAProviderWeCannotSee()
            throws Exception {
        Path client = statuspageClient();
        JsonNode anthropic = runClient(client, "http://localhost:" + this.port + "/status/anthropic");
        assertThat(anthropic.get("summary").get("status").get("indicator").asString()).isEqualTo("minor");
        assertThat(anthropic.get("status").get("status").get("indicator").asString()).isEqualTo("minor");
        assertThat(ids(anthropic.get("components").get("components"))).startsWith("api", "console", "web");
        assertThat(ids(anthropic.get("incidents").get("incidents"))).contains("o-inc-open", "o-inc-old");
        assertThat(ids(anthropic.get("unresolved").get("incidents"))).contains("o-inc-open")
            .doesNotContain("o-inc-old");
        assertThat(ids(anthropic.get("upcoming").get("scheduled_maintenances"))).containsExactly("o-mw-next");

        JsonNode unseen = runClient(client, "http://localhost:" + this.port + "/status/iflytek-spark");
        JsonNode status = unseen.get("status").get("status");
        assertThat(status.get("indicator").asString()).isEqualTo("unknown");
        assertThat(status.get("description").asString()).startsWith("Status unknown")
            .doesNotContain("All Systems Operational");
        for (JsonNode component : unseen.get("components").get("components")) {
            assertThat(component.get("status").asString()).isEqualTo("unknown");
        }

        // Offline, only Anthropic's official page is still seen: the site says so rather than "operational".
        this.history.monitor(new MonitorState(true, this.clock.instant(), this.clock.instant()));
        this.engine.rebuild();
        JsonNode site = runClient(client, "http://localhost:" + this.port);
        assertThat(site.get("summary").get("status").get("indicator").asString()).isEqualTo("minor");
        assertThat(site.get("summary").get("status").get("description").asString()).contains("no fresh data for")
            .doesNotContain("All Systems Operational");
        assertThat(site.get("components").get("components")).filteredOn((c) -> !c.get("id").asString()
            .equals("anthropic")).allSatisfy((c) -> assertThat(c.get("status").asString()).isEqualTo("unknown"));
    }

    /** Installs the client once per build directory; the lock file pins every package. */
    private static Path statuspageClient() throws IOException, InterruptedException {
        Path dir = Path.of("target", "npm", "statuspage-client").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("node_modules/statuspage.io"))) {
            boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
            if (!ci) {
                assumeThat(onPath("npm")).as("npm on the PATH (CI installs it)").isTrue();
            }
            Files.createDirectories(dir);
            for (String file : List.of("package.json", "package-lock.json", "client.js")) {
                Files.copy(Path.of("src", "test", "npm", "statuspage-client", file), dir.resolve(file),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            run(dir, Duration.ofMinutes(3), "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        }
        Files.copy(Path.of("src", "test", "npm", "statuspage-client", "client.js"), dir.resolve("client.js"),
                StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }

    private static JsonNode runClient(Path dir, String root) throws IOException, InterruptedException {
        return JSON.readTree(run(dir, Duration.ofMinutes(1), "node", "client.js", root));
    }

    private static String run(Path dir, Duration limit, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("npm-out", ".txt");
        Path err = Files.createTempFile("npm-err", ".txt");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
            boolean done = process.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            assertThat(done && process.exitValue() == 0)
                .as(String.join(" ", command) + ": " + Files.readString(err, StandardCharsets.UTF_8))
                .isTrue();
            return Files.readString(out, StandardCharsets.UTF_8);
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
            .anyMatch((entry) -> Files.isExecutable(Path.of(entry, program)));
    }

    private String body(String path) throws IOException, InterruptedException {
        var response = get(path, "*/*");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private JsonNode read(String path) throws IOException, InterruptedException {
        return JSON.readTree(body(path));
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach((node) -> ids.add(node.get("id").asString()));
        return ids;
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode node : list) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    /** Every "id" anywhere in the document. */
    private static List<String> allIds(JsonNode node) {
        List<String> ids = new ArrayList<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("id") && field.getValue().isString()) {
                    ids.add(field.getValue().asString());
                }
                ids.addAll(allIds(field.getValue()));
            }
        }
        else if (node.isArray()) {
            node.forEach((child) -> ids.addAll(allIds(child)));
        }
        return ids;
    }

}
