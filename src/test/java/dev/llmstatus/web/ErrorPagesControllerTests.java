package dev.llmstatus.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.report.ReportForm;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Error explainer pages in the MVC slice, with the bundled knowledge base: the verdict follows the snapshot (your
 * side when our checks pass, provider-wide when they get this very error, no call when the monitor is offline),
 * aliases redirect permanently, and an unknown error or provider is a 404 that lists what does exist.
 */
@WebSliceTest(ErrorPagesController.class)
class ErrorPagesControllerTests extends WebSliceTests {

    private static final String RATE_LIMIT = "429-rate-limit-exceeded";

    private static final String UNAVAILABLE = "503-service-unavailable";

    private ProviderState openai(Status level, String reason) {
        return provider("openai", level, reason);
    }

    @Test
    void workingProviderMakesItYourSideWithTheReportFormFilledIn() throws Exception {
        snapshot(Snapshots.ONLINE, openai(Status.OPERATIONAL, "All checks pass"));
        MvcResult result = this.mvc.perform(get("/status/openai/errors/" + RATE_LIMIT))
            .andExpect(status().isOk())
            .andExpect(view().name("errors/show"))
            .andExpect(model().attribute("reportReturn", "/status/openai/errors/" + RATE_LIMIT))
            .andExpect(content().string(allOf(containsString("Likely your account or usage"),
                    containsString("<link rel=\"canonical\" href=\"http://localhost:8080/status/openai/errors/"
                            + RATE_LIMIT + "\">"))))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andReturn();
        ReportForm form = (ReportForm) result.getModelAndView().getModel().get("reportForm");
        assertThat(form.errorCode()).isEqualTo("429");
        assertThat(form.type()).isNotNull();
    }

    @Test
    void ourChecksGettingThisErrorMakeItProviderWide() throws Exception {
        snapshot(Snapshots.ONLINE, openai(Status.MAJOR_OUTAGE, "Every check fails with HTTP 503"));
        this.mvc.perform(get("/status/openai/errors/" + UNAVAILABLE))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Likely provider-wide"),
                    containsString("It is not just you."))));
    }

    @Test
    void offlineMonitorMakesNoCall() throws Exception {
        snapshot(Snapshots.OFFLINE, openai(Status.UNKNOWN, "Monitoring offline"));
        this.mvc.perform(get("/status/openai/errors/" + UNAVAILABLE))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("Our monitor is offline, so we cannot see OpenAI right now.")))
            .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Likely provider-wide"))));
    }

    @Test
    void topicPageListsProvidersSeeingTheErrorFirst() throws Exception {
        snapshot(Snapshots.ONLINE, provider("anthropic", Status.DEGRADED, "Claude API slow"),
                openai(Status.PARTIAL_OUTAGE, "API answers HTTP 503"));
        MvcResult result = this.mvc.perform(get("/errors/" + UNAVAILABLE))
            .andExpect(status().isOk())
            .andExpect(view().name("errors/topic"))
            .andExpect(model().attribute("seen", 1L))
            .andReturn();
        @SuppressWarnings("unchecked")
        List<ErrorPageView> views = (List<ErrorPageView>) result.getModelAndView().getModel().get("views");
        assertThat(views).extracting((v) -> v.state().slug()).containsExactly("openai", "anthropic");
        assertThat(views.get(0).seenNow()).isTrue();
        assertThat(views.get(1).seenNow()).isFalse();
    }

    @Test
    void aliasesRedirectPermanentlyWithoutModelAttributes() throws Exception {
        snapshot(Snapshots.ONLINE, openai(Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/status/openai/errors/429"))
            .andExpect(status().isMovedPermanently())
            .andExpect(header().string(HttpHeaders.LOCATION, "/status/openai/errors/" + RATE_LIMIT));
        this.mvc.perform(get("/errors/rate-limit"))
            .andExpect(status().isMovedPermanently())
            .andExpect(header().string(HttpHeaders.LOCATION, "/errors/" + RATE_LIMIT));
    }

    @Test
    void unknownErrorIsA404ListingTheProvidersPages() throws Exception {
        snapshot(Snapshots.ONLINE, openai(Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/status/openai/errors/no-such-error"))
            .andExpect(status().isNotFound())
            .andExpect(view().name("errors/not-found"))
            .andExpect(content().string(allOf(containsString("No <span>OpenAI</span> page for"),
                    containsString("href=\"/status/openai/errors/" + RATE_LIMIT + "\""))));
        this.mvc.perform(get("/errors/no-such-error"))
            .andExpect(status().isNotFound())
            .andExpect(content().string(containsString("href=\"/errors/" + RATE_LIMIT + "\"")));
        this.mvc.perform(get("/status/opnai/errors/" + RATE_LIMIT))
            .andExpect(status().isNotFound())
            .andExpect(view().name("error/provider-not-found"));
    }

}
