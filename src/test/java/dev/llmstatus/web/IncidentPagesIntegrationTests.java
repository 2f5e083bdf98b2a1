package dev.llmstatus.web;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.official.OfficialComponent;
import dev.llmstatus.official.OfficialHtml;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialLevel;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.support.ScriptedSiteTests;

import static org.assertj.core.api.Assertions.assertThat;

/** Incident pages, and the official status page section of the provider page. */
class IncidentPagesIntegrationTests extends ScriptedSiteTests {

    @Test
    void officialIncidentHasItsOwnPageWithItsTimelineRenderedSafely() throws Exception {
        anthropicOfficialPage();
        HttpResponse<String> response = get("/status/anthropic/incidents/o-inc-open");
        assertThat(response.statusCode()).isEqualTo(200);
        String html = response.body();
        assertThat(html).contains("Elevated errors on Claude API", "Reported on the official status page of Anthropic",
                "We found <strong>the cause</strong>", "rel=\"nofollow noopener\"", "Timeline",
                "https://status.claude.com/incidents/inc-open");
        assertThat(html).doesNotContain("<script>alert", "&lt;br", "onerror");
        assertThat(html).contains("\"@type\":\"BreadcrumbList\"");
    }

    @Test
    void ourIncidentHasAPageLinkedFromTheProviderPageAndTheSitemap() throws Exception {
        this.script.healthy(3);
        this.engine.rebuild();
        this.script.failing(3, "stepfun/api");
        IncidentView ours = this.engine.rebuild().provider("stepfun").orElseThrow().incidents().get(0);
        assertThat(ours.id()).matches("m-\\d+");
        String path = "/status/stepfun/incidents/" + ours.id();
        HttpResponse<String> page = get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Detected by LLM Status", "Ongoing", "API front door failing");
        assertThat(get("/status/stepfun").body()).contains("href=\"" + path + "\"");
        assertThat(get("/sitemap.xml", "application/xml").body()).contains(path + "</loc>");
    }

    @Test
    void historyShowsOursAndOfficialByMonthAndPagesBackToTheFirstMonth() throws Exception {
        this.script.healthy(3);
        this.engine.rebuild();
        this.script.failing(3, "stepfun/api");
        this.engine.rebuild();
        Instant october = Instant.parse("2026-10-14T09:00:00Z");
        OfficialIncident old = new OfficialIncident("stepfun", "old-1", "October login errors",
                OfficialLevel.PARTIAL_OUTAGE, "resolved", october, october.plus(Duration.ofHours(2)), null, List.of(),
                List.of());
        OfficialIncident now = new OfficialIncident("stepfun", "now-1", "Official: API errors",
                OfficialLevel.MAJOR_OUTAGE, "investigating", this.clock.instant().minusSeconds(300), null, null,
                List.of(), List.of());
        this.history.official(new OfficialStatus("stepfun", this.clock.instant(), OfficialLevel.MAJOR_OUTAGE, null,
                List.of(), List.of(now, old), List.of(), null));
        this.engine.rebuild();

        String current = get("/status/stepfun/history").body();
        assertThat(current).contains("StepFun incidents, November 2026", "Official: API errors",
                "Detected by LLM Status", "href=\"/status/stepfun/history/2026-10\"",
                "/status/stepfun/incidents/o-now-1").doesNotContain("October login errors");
        String previous = get("/status/stepfun/history/2026-10").body();
        assertThat(previous).contains("October login errors", "href=\"/status/stepfun/history\"")
            .doesNotContain("Older month");
        assertThat(get("/status/stepfun/history/2026-09").statusCode()).isEqualTo(404);
        assertThat(get("/status/stepfun/history/2027-01").statusCode()).isEqualTo(404);
        assertThat(get("/status/stepfun/history/garbage").statusCode()).isEqualTo(404);
        assertThat(get("/status/stepfun").body()).contains("href=\"/status/stepfun/history\"");
    }

    @Test
    void missingIncidentOrProviderIsA404() throws Exception {
        assertThat(get("/status/stepfun/incidents/m-999999").statusCode()).isEqualTo(404);
        assertThat(get("/status/nope/incidents/m-1").statusCode()).isEqualTo(404);
    }

    @Test
    void providerPageShowsMaintenancesAndEveryOfficialComponentGrouped() throws Exception {
        anthropicOfficialPage();
        String html = get("/status/anthropic").body();
        assertThat(html).contains("Official status page", "Scheduled maintenance", "Maintenance in progress",
                "Network maintenance", "/status/anthropic/incidents/o-mw-next");
        assertThat(html).contains("Sat 28 Nov 14:00–16:00 UTC");
        assertThat(html).contains("Europe (2)", "Frankfurt", "Dublin", "Partial outage", "Claude Code");
        HttpResponse<String> maintenance = get("/status/anthropic/incidents/o-mw-next");
        assertThat(maintenance.statusCode()).isEqualTo(200);
        assertThat(maintenance.body()).contains("Network maintenance");
    }

    @Test
    void unreadableOfficialPageSaysWhichPlatformAndWhy() throws Exception {
        this.script.healthy(3);
        this.history.official(OfficialStatus.unreadable("mistral", this.clock.instant(),
                "status.mistral.ai (Rootly): HTTP 403"));
        this.engine.rebuild();
        assertThat(get("/status/mistral").body())
            .contains("status.mistral.ai (Rootly): HTTP 403");
    }

    @Test
    void officialIdsAreShortUrlSafeAndStable() {
        OfficialIncident feedEntry = new OfficialIncident("github", "tag:www.githubstatus.com,2005:Incident/30837849",
                "Delays", OfficialLevel.DEGRADED_PERFORMANCE, "investigating", Instant.EPOCH, null, null, List.of(),
                List.of());
        assertThat(feedEntry.publicId()).matches("[0-9a-f]{12}")
            .isEqualTo(new OfficialIncident("other", feedEntry.externalId(), "x", OfficialLevel.UNKNOWN, null,
                    Instant.now(), null, null, List.of(), List.of()).publicId());
    }

    private void anthropicOfficialPage() {
        this.script.healthy(3);
        Instant now = this.clock.instant();
        OfficialIncident open = new OfficialIncident("anthropic", "inc-open", "Elevated errors on Claude API",
                OfficialLevel.DEGRADED_PERFORMANCE, "identified", now.minus(Duration.ofMinutes(10)), null,
                java.net.URI.create("https://status.claude.com/incidents/inc-open"), List.of("Claude API (api.anthropic.com)"),
                List.of(new OfficialIncident.Update("identified", OfficialHtml.clean(
                        "We found <strong>the cause</strong>.<script>alert(1)</script><img src=x onerror=alert(2)>"
                                + " <a href=\"https://example.com/postmortem\">details</a>"),
                        now.minus(Duration.ofMinutes(5))),
                        new OfficialIncident.Update("investigating", OfficialHtml.fromText("Looking.\nMore soon."),
                                now.minus(Duration.ofMinutes(10)))));
        OfficialIncident running = new OfficialIncident("anthropic", "mw-now", "Database upgrade",
                OfficialLevel.UNDER_MAINTENANCE, "in_progress", now.minus(Duration.ofDays(2)), null, null, List.of(),
                List.of(), true, now.minus(Duration.ofMinutes(30)), now.plus(Duration.ofHours(1)));
        Instant start = Instant.parse("2026-11-28T14:00:00Z");
        OfficialIncident next = new OfficialIncident("anthropic", "mw-next", "Network maintenance",
                OfficialLevel.UNDER_MAINTENANCE, "scheduled", now.minus(Duration.ofDays(1)), null, null, List.of(),
                List.of(), true, start, start.plus(Duration.ofHours(2)));
        List<OfficialComponent> components = List.of(OfficialComponent.of("Claude API (api.anthropic.com)",
                OfficialLevel.DEGRADED_PERFORMANCE), OfficialComponent.of("Claude Code", OfficialLevel.OPERATIONAL),
                new OfficialComponent("Europe", null, OfficialLevel.PARTIAL_OUTAGE, true),
                new OfficialComponent("Frankfurt", "Europe", OfficialLevel.PARTIAL_OUTAGE, false),
                new OfficialComponent("Dublin", "Europe", OfficialLevel.OPERATIONAL, false));
        this.history.official(new OfficialStatus("anthropic", now, OfficialLevel.DEGRADED_PERFORMANCE,
                "Minor Service Outage", components, List.of(open), List.of(running, next), null));
        this.engine.rebuild();
    }

}
