package dev.llmstatus.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.errors.ErrorLookup;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The error lookup in the MVC slice: a pasted error leads to the page of the provider that sent it when the snapshot
 * has that provider, else to the topic across providers; too long a paste is the same page with a 400; a lookup
 * page is never cached or indexed.
 */
@WebSliceTest(ErrorLookupController.class)
class ErrorLookupControllerTests extends WebSliceTests {

    private static final String OPENAI_TPM = """
            {"error":{"message":"Rate limit reached for gpt-4o in organization org-abc123 on tokens per min (TPM): \
            Limit 30000, Used 29500, Requested 1200. Please try again in 1.4s.","type":"tokens","param":null,\
            "code":"rate_limit_exceeded"}}""";

    @Test
    void pastedErrorLeadsToTheSendersPageForThatError() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.OPERATIONAL, "All checks pass"));
        MvcResult result = this.mvc.perform(get("/errors/lookup").param("q", OPENAI_TPM))
            .andExpect(status().isOk())
            .andExpect(model().attribute("asked", true))
            .andExpect(content().string(allOf(containsString("href=\"/status/openai/errors/429-rate-limit-exceeded\""),
                    containsString("<meta name=\"robots\" content=\"noindex\">"))))
            .andExpect(header().doesNotExist(HttpHeaders.ETAG))
            .andReturn();
        assertThat(results(result)).first().satisfies((first) -> {
            assertThat(first.provider().slug()).isEqualTo("openai");
            assertThat(first.seenNow()).isFalse();
        });
    }

    @Test
    void providerMissingFromTheSnapshotFallsBackToTheTopicAcrossProviders() throws Exception {
        snapshot(Snapshots.ONLINE, provider("anthropic", Status.OPERATIONAL, "All checks pass"));
        MvcResult result = this.mvc.perform(get("/errors/lookup").param("q", OPENAI_TPM))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("href=\"/errors/429-rate-limit-exceeded\"")))
            .andReturn();
        assertThat(results(result)).first().satisfies((first) -> {
            assertThat(first.provider()).isNull();
            assertThat(first.path()).isEqualTo("/errors/429-rate-limit-exceeded");
        });
    }

    @Test
    void tooLongAPasteIsTheSamePageWithA400() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/errors/lookup").param("q", "<b>" + "x".repeat(ErrorLookup.MAX_INPUT_LENGTH)))
            .andExpect(status().isBadRequest())
            .andExpect(model().attribute("results", List.of()))
            .andExpect(model().attributeExists("tooLong"))
            .andExpect(content().string(allOf(containsString("<textarea id=\"q\" name=\"q\""),
                    not(containsString("<b>xxx")))));
    }

    @SuppressWarnings("unchecked")
    private static List<LookupResult> results(MvcResult result) {
        return (List<LookupResult>) result.getModelAndView().getModel().get("results");
    }

}
