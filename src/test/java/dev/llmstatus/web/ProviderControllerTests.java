package dev.llmstatus.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.report.ReportService;
import dev.llmstatus.report.ReportService.Submission;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import jakarta.servlet.http.Cookie;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A provider's page in the MVC slice: the page says the snapshot's level and reason with one chart per component and
 * the FAQ, a mistyped slug is a 404 that suggests the right provider, the report thank-you is shown once and never
 * cached, and a report's way back stays on the site.
 */
@WebSliceTest(ProviderController.class)
class ProviderControllerTests extends WebSliceTests {

    @MockitoBean
    ReportService reports;

    @BeforeEach
    void openaiPartlyDown() {
        snapshot(Snapshots.ONLINE, openai(), provider("anthropic", Status.OPERATIONAL, "All checks pass"));
    }

    private ProviderState openai() {
        return provider("openai", Status.PARTIAL_OUTAGE, "API answers HTTP 503");
    }

    @Test
    void pageSaysTheSnapshotLevelWithAChartPerComponentAndIsCached() throws Exception {
        this.mvc.perform(get("/status/openai"))
            .andExpect(status().isOk())
            .andExpect(view().name("provider/show"))
            .andExpect(model().attribute("charts", hasSize(3)))
            .andExpect(model().attribute("faq", hasItem(new Faq("Is OpenAI down right now?",
                    DownAnswer.of(openai(), false).sentence()))))
            .andExpect(content().string(allOf(containsString("OpenAI status"), containsString("Partial outage"),
                    containsString("API answers HTTP 503"), containsString("Developer Platform"))))
            .andExpect(content().string(
                    containsString("<link rel=\"canonical\" href=\"http://localhost:8080/status/openai\">")))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("max-age=15")))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andExpect(header().exists("Content-Security-Policy"));
    }

    @Test
    void mistypedSlugIsA404SuggestingTheClosestProvider() throws Exception {
        this.mvc.perform(get("/status/opnai"))
            .andExpect(status().isNotFound())
            .andExpect(view().name("error/provider-not-found"))
            .andExpect(model().attribute("suggestions", hasItem(this.catalog.find("openai").orElseThrow())))
            .andExpect(content().string(containsString("We don't track a provider called “<span>opnai</span>”")))
            .andExpect(content().string(containsString("href=\"/status/openai\"")))
            .andExpect(header().doesNotExist(HttpHeaders.ETAG));
    }

    @Test
    void thankYouIsShownOnceAndNeverCached() throws Exception {
        this.mvc.perform(get("/status/openai").cookie(new Cookie(ProviderController.THANKS_COOKIE, "1")))
            .andExpect(status().isOk())
            .andExpect(model().attribute("reportThanks", true))
            .andExpect(content().string(containsString("your report was recorded")))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
            .andExpect(header().string(HttpHeaders.SET_COOKIE, allOf(containsString("report-thanks="),
                    containsString("Max-Age=0"), containsString("Path=/status/openai"))));
        // the next visitor gets the cached page without it
        this.mvc.perform(get("/status/openai"))
            .andExpect(status().isOk())
            .andExpect(content().string(not(containsString("your report was recorded"))));
    }

    @Test
    void acceptedReportRedirectsBackToTheSiteOnly() throws Exception {
        given(this.reports.submit(any(), any(), anyString())).willReturn(new Submission(Submission.Result.ACCEPTED,
                Map.of(), null));
        this.mvc.perform(post("/status/openai/reports").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .formField("type", "rate_limit")
            .formField("returnTo", "/status/openai/errors/rate-limit"))
            .andExpect(status().isFound())
            .andExpect(redirectedUrl("/status/openai/errors/rate-limit#report"))
            .andExpect(header().string(HttpHeaders.SET_COOKIE, containsString("Max-Age=120")));
        this.mvc.perform(post("/status/openai/reports").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .formField("type", "rate_limit")
            .formField("returnTo", "https://elsewhere.example/status/openai/errors/x"))
            .andExpect(redirectedUrl("/status/openai#report"));
    }

    @Test
    void refusedReportComesBackWithItsMessageAndTheRightStatus() throws Exception {
        given(this.reports.submit(any(), any(), anyString())).willReturn(new Submission(Submission.Result.INVALID,
                Map.of("type", "Choose what went wrong."), null));
        this.mvc.perform(post("/status/openai/reports").contentType(MediaType.APPLICATION_FORM_URLENCODED))
            .andExpect(status().isBadRequest())
            .andExpect(model().attribute("reportErrors", Map.of("type", "Choose what went wrong.")))
            .andExpect(content().string(containsString("Choose what went wrong.")));
        given(this.reports.submit(any(), any(), anyString())).willReturn(new Submission(Submission.Result.LIMITED,
                Map.of("limit", "Too many reports from you; try again in 5 minutes."), Duration.ofMinutes(5)));
        this.mvc.perform(post("/status/openai/reports").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .formField("type", "rate_limit"))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string(HttpHeaders.RETRY_AFTER, "300"));
    }

    @Test
    void crossSiteReportIsRefusedBeforeTheController() throws Exception {
        this.mvc.perform(post("/status/openai/reports").contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .header("Sec-Fetch-Site", "cross-site")
            .formField("type", "rate_limit"))
            .andExpect(status().isForbidden());
        org.mockito.Mockito.verifyNoInteractions(this.reports);
    }

}
