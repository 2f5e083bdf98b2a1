package dev.llmstatus.web;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.support.ScriptedSiteTests;

import static org.assertj.core.api.Assertions.assertThat;

class StatusPagesIntegrationTests extends ScriptedSiteTests {

    @Test
    void dashboardListsProblemsFirstWithLevelReasonAndLastCheck() throws Exception {
        this.script.healthy(5);
        this.script.failing(5, "stepfun/api");
        this.engine.rebuild();
        String body = get("/").body();
        int stepfun = body.indexOf("href=\"/status/stepfun\"");
        int openai = body.indexOf("href=\"/status/openai\"");
        assertThat(stepfun).isPositive().isLessThan(openai);
        assertThat(body).contains("API front door failing (HTTP 503)")
            .contains("Partial outage")
            .contains("<time data-ago datetime=\"")
            .doesNotContain("Monitoring offline");
        for (Provider provider : this.catalog.providers()) {
            assertThat(body).contains("href=\"/status/" + provider.slug() + "\"");
        }
    }

    @Test
    void providerPageShowsHeadlineSignalsUptimeChartsIncidentsFaqAndRelatedPages() throws Exception {
        this.script.healthy(3);
        this.engine.rebuild();
        this.script.failing(3, "stepfun/api");
        this.engine.rebuild();
        this.script.healthy(3);
        this.engine.rebuild();

        HttpResponse<String> response = get("/status/stepfun");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).contains("<h1>StepFun status</h1>")
            .contains("Operational")
            .contains("Last check <time data-ago datetime=\"2026-11-23T12:")
            .contains("What other developers report")
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
        this.script.healthy(3);
        this.history.monitor(new MonitorState(true, this.clock.instant(), this.clock.instant()));
        this.engine.rebuild();
        String home = get("/").body();
        assertThat(home).contains("Monitoring offline").doesNotContain("Major outage").doesNotContain("Partial outage");
        assertThat(get("/status/stepfun").body()).contains("Monitoring offline since").doesNotContain("<p class=\"reason\">No fresh data: monitoring offline");
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
        this.script.healthy(3);
        this.script.failing(3, "openai/api");
        this.engine.rebuild();
        this.statements.reset();
        for (String path : List.of("/", "/status/stepfun", "/status/openai", "/status/iflytek-spark",
                "/status/nope")) {
            get(path);
        }
        assertThat(this.statements.count()).isZero();
    }

}
