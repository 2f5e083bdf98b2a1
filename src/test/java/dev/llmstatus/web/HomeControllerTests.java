package dev.llmstatus.web;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The dashboard in the MVC slice: problems first whatever the catalog order (unknown above operational), a search
 * filters by name or alias and is never cached, and a long or hostile query is cut and escaped.
 */
@WebSliceTest(HomeController.class)
class HomeControllerTests extends WebSliceTests {

    @BeforeEach
    void fourProviders() {
        snapshot(Snapshots.ONLINE,
                provider("openai", Status.OPERATIONAL, "All checks pass"),
                provider("anthropic", Status.DEGRADED, "Claude API slow (4.2 s)"),
                provider("mistral", Status.UNKNOWN, "No fresh checks"),
                provider("stepfun", Status.MAJOR_OUTAGE, "Every check fails with HTTP 503"));
    }

    @Test
    void problemsComeFirstAndThePageIsCached() throws Exception {
        MvcResult result = this.mvc.perform(get("/"))
            .andExpect(status().isOk())
            .andExpect(view().name("home/index"))
            .andExpect(model().attribute("q", ""))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andExpect(content().string(containsString("Live status of 4 LLM API providers")))
            .andReturn();
        assertThat(slugs(result)).containsExactly("stepfun", "anthropic", "mistral", "openai");
        String body = result.getResponse().getContentAsString();
        assertThat(body.indexOf("href=\"/status/stepfun\"")).isPositive()
            .isLessThan(body.indexOf("href=\"/status/openai\""));
    }

    @Test
    void searchMatchesAliasesAndIsNeverCached() throws Exception {
        MvcResult result = this.mvc.perform(get("/").param("q", "  Claude "))
            .andExpect(status().isOk())
            .andExpect(model().attribute("q", "Claude"))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
            .andExpect(header().doesNotExist(HttpHeaders.ETAG))
            .andReturn();
        assertThat(slugs(result)).containsExactly("anthropic");
    }

    @Test
    void longQueryIsCutAndHostileOneEscaped() throws Exception {
        this.mvc.perform(get("/").param("q", "x".repeat(500)))
            .andExpect(status().isOk())
            .andExpect(model().attribute("q", "x".repeat(60)))
            .andExpect(content().string(not(containsString("x".repeat(61)))));
        this.mvc.perform(get("/").param("q", "<script>alert(1)</script>"))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("<script>alert(1)"))))
            .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
    }

    @SuppressWarnings("unchecked")
    private static List<String> slugs(MvcResult result) {
        List<ProviderState> providers = (List<ProviderState>) result.getModelAndView().getModel().get("providers");
        return providers.stream().map(ProviderState::slug).toList();
    }

}
