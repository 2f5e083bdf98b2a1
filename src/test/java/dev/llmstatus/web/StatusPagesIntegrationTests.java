package dev.llmstatus.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.ErrorClass;
import dev.llmstatus.probe.ProbeResult;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.support.InMemoryProbeHistory;
import dev.llmstatus.support.MutableClock;
import dev.llmstatus.support.ScriptedHistoryConfiguration;
import dev.llmstatus.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "llmstatus.probe.enabled=false", "llmstatus.status.rebuild-interval=1h" })
@Import(ScriptedHistoryConfiguration.class)
class StatusPagesIntegrationTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    StatusEngine engine;

    @Autowired
    InMemoryProbeHistory history;

    @Autowired
    MutableClock clock;

    @Autowired
    Catalog catalog;

    @Autowired
    StatementCounter statements;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        this.history.clear();
        this.clock.set(ScriptedHistoryConfiguration.START);
        this.jdbc.update("delete from incident_update");
        this.jdbc.update("delete from incident");
        this.jdbc.update("delete from provider_track");
        this.history.monitor(new MonitorState(false, this.clock.instant(), this.clock.instant()));
    }

    @Test
    void dashboardListsProblemsFirstWithLevelReasonAndLastCheck() throws Exception {
        everyoneHealthy(5);
        fail("stepfun", "api", 5);
        this.engine.rebuild();
        String body = get("/").body();
        int stepfun = body.indexOf("href=\"/status/stepfun\"");
        int openai = body.indexOf("href=\"/status/openai\"");
        assertThat(stepfun).isPositive().isLessThan(openai);
        assertThat(body).contains("API front door failing for 4 min (HTTP 503)")
            .contains("Partial outage")
            .contains("<time datetime=\"")
            .doesNotContain("Monitoring offline");
        for (Provider provider : this.catalog.providers()) {
            assertThat(body).contains("href=\"/status/" + provider.slug() + "\"");
        }
    }

    @Test
    void providerPageShowsHeadlineSignalsUptimeChartsIncidentsFaqAndRelatedPages() throws Exception {
        everyoneHealthy(3);
        this.engine.rebuild();
        fail("stepfun", "api", 3);
        this.engine.rebuild();
        everyoneHealthy(3);
        this.engine.rebuild();

        HttpResponse<String> response = get("/status/stepfun");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("<h1>StepFun status</h1>")
            .contains("Operational")
            .contains("Last checked <time datetime=\"2026-11-23T12:")
            .contains("What we're seeing right now")
            .contains("Live signals")
            .contains("24 hours").contains("90 days")
            .contains("role=\"img\"")
            .contains("Recent incidents")
            .contains("Detected by LLM Status")
            .contains("StepFun: partial outage of API")
            .contains("Lasted 3 min")
            .contains("Is StepFun down right now?")
            .contains("Related pages")
            .doesNotContain("No incidents in the past 30 days");
        assertThat(get("/status/iflytek-spark").body()).contains("No incidents in the past 30 days");
    }

    @Test
    void offlineMonitorSaysSoAndShowsNoOutage() throws Exception {
        everyoneHealthy(3);
        this.history.monitor(new MonitorState(true, this.clock.instant(), this.clock.instant()));
        this.engine.rebuild();
        String home = get("/").body();
        assertThat(home).contains("Monitoring offline").doesNotContain("Major outage").doesNotContain("Partial outage");
        assertThat(get("/status/stepfun").body()).contains("No fresh data: monitoring offline");
    }

    @Test
    void unknownProviderGetsA404SuggestingTheClosestNames() throws Exception {
        HttpResponse<String> response = get("/status/stepfn");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("href=\"/status/stepfun\"").contains("Did you mean");
        assertThat(get("/status/sparkk").body()).contains("href=\"/status/iflytek-spark\"");
    }

    @Test
    void pageRequestsNeverQueryTheDatabase() throws Exception {
        everyoneHealthy(3);
        fail("openai", "api", 3);
        this.engine.rebuild();
        this.statements.reset();
        for (String path : List.of("/", "/status/stepfun", "/status/openai", "/status/iflytek-spark",
                "/status/nope")) {
            get(path);
        }
        assertThat(this.statements.count()).isZero();
    }

    private void everyoneHealthy(int minutes) {
        Instant end = this.clock.instant().plus(Duration.ofMinutes(minutes));
        for (Provider provider : this.catalog.providers()) {
            for (Component component : provider.components()) {
                for (int i = minutes - 1; i >= 0; i--) {
                    this.history.add(List.of(new ProbeResult(provider.slug(), component.key(),
                            end.minus(Duration.ofMinutes(i)), Duration.ofMillis(200 + i), 401, Outcome.UP, null,
                            "TLSv1.3", null, "application/json", List.of(), "HTTP 401")));
                }
            }
        }
        this.clock.set(end);
    }

    private void fail(String provider, String component, int minutes) {
        Instant end = this.clock.instant().plus(Duration.ofMinutes(minutes));
        for (Provider p : this.catalog.providers()) {
            for (Component c : p.components()) {
                boolean failing = p.slug().equals(provider) && c.key().equals(component);
                for (int i = minutes - 1; i >= 0; i--) {
                    this.history.add(List.of(failing
                            ? new ProbeResult(p.slug(), c.key(), end.minus(Duration.ofMinutes(i)), Duration.ofMillis(80),
                                    503, Outcome.DOWN, ErrorClass.HTTP_5XX, "TLSv1.3", null, "text/html", List.of(),
                                    "HTTP 503")
                            : new ProbeResult(p.slug(), c.key(), end.minus(Duration.ofMinutes(i)), Duration.ofMillis(210),
                                    401, Outcome.UP, null, "TLSv1.3", null, "application/json", List.of(), "HTTP 401")));
                }
            }
        }
        this.clock.set(end);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
            .header("Accept", "text/html")
            .build(), HttpResponse.BodyHandlers.ofString());
    }

}
