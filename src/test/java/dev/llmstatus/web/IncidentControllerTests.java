package dev.llmstatus.web;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.http.HttpHeaders;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * An incident's page in the MVC slice: ours and official ones told apart, ongoing or resolved with the time so far
 * or in all, how early we saw it (said once), the official timeline's sanitized HTML, escaped titles; an incident the
 * snapshot does not hold is a 404.
 */
@WebSliceTest(IncidentController.class)
class IncidentControllerTests extends WebSliceTests {

    @BeforeEach
    void openaiWithTwoIncidents() {
        IncidentView ours = new IncidentView("m-12", false, "API answers HTTP 503 <b>", Status.MAJOR_OUTAGE, null,
                Snapshots.BUILT_AT.minusSeconds(1800), null, List.of("API"), List.of(), null, 4L);
        IncidentView official = new IncidentView("o-abc", true, "Elevated error rates", Status.PARTIAL_OUTAGE,
                "resolved", Snapshots.BUILT_AT.minusSeconds(7200), Snapshots.BUILT_AT.minusSeconds(4800),
                List.of("API"), List.of(new IncidentView.Entry(Snapshots.BUILT_AT.minusSeconds(4800), "Resolved",
                        "Fixed.", "<p>Fixed <em>now</em>.</p>")),
                URI.create("https://status.openai.com/incidents/abc"), null);
        snapshot(Snapshots.ONLINE,
                Snapshots.withIncidents(provider("openai", Status.MAJOR_OUTAGE, "API answers HTTP 503"), ours,
                        official));
    }

    @Test
    void ourOngoingIncidentSaysSoAndEscapesItsTitle() throws Exception {
        this.mvc.perform(get("/status/openai/incidents/m-12"))
            .andExpect(status().isOk())
            .andExpect(view().name("incidents/show"))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andExpect(content().string(allOf(
                    containsString("<title>API answers HTTP 503 &lt;b&gt; | OpenAI incident detected by LLM Status"),
                    containsString("Ongoing"), containsString("Detected by LLM Status from our checks of OpenAI."),
                    containsString("<h1>API answers HTTP 503 &lt;b&gt;</h1>"),
                    not(containsString("<h1>API answers HTTP 503 <b>")),
                    containsString("not yet"), containsString("<dd>30 min</dd>"),
                    containsString("<dd>We saw it 4 min before the official page</dd>"))));
    }

    @Test
    void officialIncidentShowsItsStateDurationAndTimeline() throws Exception {
        this.mvc.perform(get("/status/openai/incidents/o-abc"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("OpenAI official incident"),
                    containsString("Resolved"), containsString("(official page: <span>resolved</span>)"),
                    containsString("Reported on the official status page of OpenAI."), containsString("40 min"),
                    containsString("<p>Fixed <em>now</em>.</p>"))));
    }

    @Test
    void incidentOutsideTheSnapshotIsA404() throws Exception {
        this.mvc.perform(get("/status/openai/incidents/m-999"))
            .andExpect(status().isNotFound())
            .andExpect(header().doesNotExist(HttpHeaders.ETAG));
        this.mvc.perform(get("/status/opnai/incidents/m-12"))
            .andExpect(status().isNotFound())
            .andExpect(view().name("error/provider-not-found"));
    }

}
