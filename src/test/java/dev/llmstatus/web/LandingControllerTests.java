package dev.llmstatus.web;

import org.junit.jupiter.api.Test;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * "Is X down?" pages in the MVC slice: the answer word and sentence follow the snapshot (never "No" when we cannot
 * see), the names people search for redirect permanently to the provider's page, and an unknown name is a 404 with
 * suggestions.
 */
@WebSliceTest(LandingController.class)
class LandingControllerTests extends WebSliceTests {

    @Test
    void outageIsAnsweredYesInTheTitleAndTheFirstSentence() throws Exception {
        snapshot(Snapshots.ONLINE,
                provider("openai", Status.MAJOR_OUTAGE, "Every check fails with HTTP 503"));
        this.mvc.perform(get("/is-openai-down"))
            .andExpect(status().isOk())
            .andExpect(view().name("landing/is-down"))
            .andExpect(model().attribute("answer", org.hamcrest.Matchers.hasToString(containsString("word=Yes"))))
            .andExpect(content().string(allOf(
                    containsString("<title>Is OpenAI down right now? Yes | LLM Status</title>"),
                    containsString("appears to be down"), containsString("Every check fails with HTTP 503"),
                    containsString("<link rel=\"canonical\" href=\"http://localhost:8080/is-openai-down\">"))))
            .andExpect(header().exists(HttpHeaders.ETAG));
    }

    @Test
    void offlineMonitorNeverSaysNo() throws Exception {
        snapshot(Snapshots.OFFLINE, provider("openai", Status.UNKNOWN, "Monitoring offline"));
        this.mvc.perform(get("/is-openai-down"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Is OpenAI down right now? We can&#39;t tell"),
                    containsString("our monitor is offline, so it cannot see OpenAI"))))
            .andExpect(content().string(not(containsString("No, OpenAI has been up"))));
    }

    @Test
    void operationalIsAnsweredNoWithTheStepsOnTheCallersSide() throws Exception {
        snapshot(Snapshots.ONLINE, provider("anthropic", Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/is-anthropic-down"))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Is Anthropic down right now? No"),
                    containsString("Anthropic has been up"), containsString("Check the API key you send"))));
    }

    @Test
    void searchedNamesRedirectPermanentlyToTheProvidersPage() throws Exception {
        snapshot(Snapshots.ONLINE, provider("anthropic", Status.OPERATIONAL, "All checks pass"),
                provider("openai", Status.OPERATIONAL, "All checks pass"));
        // an alias, and a name with a hyphen for its space
        this.mvc.perform(get("/is-claude-down"))
            .andExpect(status().isMovedPermanently())
            .andExpect(header().string(HttpHeaders.LOCATION, "/is-anthropic-down"));
        this.mvc.perform(get("/is-open-ai-down"))
            .andExpect(status().isMovedPermanently())
            .andExpect(header().string(HttpHeaders.LOCATION, "/is-openai-down"));
    }

    @Test
    void unknownNameIsA404WithSuggestions() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/is-opnai-down"))
            .andExpect(status().isNotFound())
            .andExpect(view().name("error/provider-not-found"))
            .andExpect(content().string(containsString("href=\"/status/openai\"")));
    }

}
