package dev.llmstatus.api;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The incident feeds in the MVC slice: one entry per incident of the snapshot, ours and official told apart, with an
 * absolute link to the incident's page and escaped text; Atom and RSS by their own media types; an unknown provider
 * is a 404 that is not cached.
 */
@WebSliceTest(FeedController.class)
@Import(IncidentFeeds.class)
class FeedControllerTests extends WebSliceTests {

    @Test
    void atomHasAnEntryPerIncidentWithAbsoluteLinks() throws Exception {
        IncidentView ours = new IncidentView("12", false, "API answers HTTP 503 <script>", Status.MAJOR_OUTAGE, null,
                Snapshots.BUILT_AT.minusSeconds(1800), null, List.of("API"), List.of(), null, null);
        IncidentView official = new IncidentView("o-abc", true, "Elevated error rates", Status.PARTIAL_OUTAGE,
                "investigating", Snapshots.BUILT_AT.minusSeconds(1200), null, List.of("API"), List.of(),
                URI.create("https://status.openai.com/incidents/abc"), null);
        snapshot(Snapshots.ONLINE, Snapshots.withIncidents(
                provider("openai", Status.MAJOR_OUTAGE, "API answers HTTP 503"), ours, official));
        this.mvc.perform(get("/status/openai/history.atom"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("application/atom+xml"))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andExpect(content().string(allOf(containsString("<title>OpenAI incident history - LLM Status</title>"),
                    containsString("API answers HTTP 503 &lt;script&gt;"),
                    containsString("Elevated error rates (official status page)"),
                    containsString("http://localhost:8080/status/openai/incidents/12"),
                    containsString("http://localhost:8080/status/openai/incidents/o-abc"),
                    not(containsString("<script>")))));
        this.mvc.perform(get("/status/openai/history.rss"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith("application/rss+xml"))
            .andExpect(content().string(containsString("<rss")));
    }

    @Test
    void unknownProviderIsA404() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/status/no-such-provider/history.atom"))
            .andExpect(status().isNotFound())
            .andExpect(header().doesNotExist(HttpHeaders.ETAG));
    }

}
