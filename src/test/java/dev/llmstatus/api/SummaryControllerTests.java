package dev.llmstatus.api;

import org.junit.jupiter.api.Test;

import dev.llmstatus.status.Status;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Statuspage-compatible API in the MVC slice: each document says what the snapshot says, in Statuspage's words,
 * whatever the client accepts; an unknown provider is a JSON 404 that says where the list is; answers are cached per
 * snapshot with validators.
 */
@WebSliceTest(SummaryController.class)
@Import(StatuspageSummaries.class)
class SummaryControllerTests extends WebSliceTests {

    @Test
    void siteSummaryListsEveryProviderAtItsLevelAndTheWorstSetsTheIndicator() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.PARTIAL_OUTAGE, "API down (HTTP 503)"),
                provider("anthropic", Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/api/v2/summary.json").accept(MediaType.TEXT_HTML))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.page.id").value("llmstatus"))
            .andExpect(jsonPath("$.page.updated_at").value("2026-11-29T12:00:00.000Z"))
            .andExpect(jsonPath("$.status.indicator").value("major"))
            .andExpect(jsonPath("$.status.description", containsString("OpenAI")))
            .andExpect(jsonPath("$.components[*].id", contains("openai", "anthropic")))
            .andExpect(jsonPath("$.components[*].status", contains("partial_outage", "operational")))
            .andExpect(jsonPath("$.incidents", hasSize(0)))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("max-age=15")))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andExpect(header().exists("X-Content-Type-Options"));
    }

    @Test
    void unknownLevelsAreNeverReportedAsOperational() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.UNKNOWN, "Monitoring offline"));
        this.mvc.perform(get("/api/v1/status.json"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status.indicator").value("unknown"))
            .andExpect(jsonPath("$.status.description").value("Status unknown: no fresh data for any provider"));
        this.mvc.perform(get("/status/openai/api/v2/components.json"))
            .andExpect(jsonPath("$.components[*].status", contains("unknown", "unknown", "unknown")));
    }

    @Test
    void providerDocumentsCarryItsComponentsInCatalogOrder() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.DEGRADED, "API slow (4.2 s)"));
        this.mvc.perform(get("/status/openai/api/v2/summary.json"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.page.id").value("openai"))
            .andExpect(jsonPath("$.page.url").value("http://localhost:8080/status/openai"))
            .andExpect(jsonPath("$.status.indicator").value("minor"))
            .andExpect(jsonPath("$.status.description").value("Degraded performance: API slow (4.2 s)"))
            .andExpect(jsonPath("$.components[*].id", contains("api", "platform", "web")))
            .andExpect(jsonPath("$.components[*].status",
                    contains("degraded_performance", "degraded_performance", "degraded_performance")));
        this.mvc.perform(get("/api/v1/providers/openai/scheduled-maintenances/upcoming.json"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.scheduled_maintenances", hasSize(0)));
    }

    @Test
    void unknownProviderIsAJson404PointingToTheList() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/api/v1/providers/no-such-provider/summary.json").accept(MediaType.TEXT_HTML))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.error").value("not_found"))
            .andExpect(jsonPath("$.message", containsString("GET /api/v1/summary.json")))
            .andExpect(header().doesNotExist(HttpHeaders.ETAG));
    }

    @Test
    void aClientHoldingTheCurrentDocumentGetsNotModified() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.OPERATIONAL, "All checks pass"));
        MvcResult first = this.mvc.perform(get("/api/v2/components.json")).andExpect(status().isOk()).andReturn();
        String etag = first.getResponse().getHeader(HttpHeaders.ETAG);
        this.mvc.perform(get("/api/v2/components.json").header(HttpHeaders.IF_NONE_MATCH, etag))
            .andExpect(status().isNotModified())
            .andExpect(content().bytes(new byte[0]));
        // A new snapshot at another level is a new document: the old validator no longer matches.
        snapshot(Snapshots.ONLINE, provider("openai", Status.MAJOR_OUTAGE, "API down (HTTP 503)"));
        this.mvc.perform(get("/api/v2/components.json").header(HttpHeaders.IF_NONE_MATCH, etag))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.components[0].status").value("major_outage"));
    }

}
