package dev.llmstatus.api;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The badge controller in the MVC slice: the badge says what the snapshot says, an unknown provider is a grey 404
 * badge (an image, not an error page), and the page cache and security headers apply as in the whole application.
 */
@WebSliceTest(BadgeController.class)
class BadgeControllerTests extends WebSliceTests {

    @BeforeEach
    void stepfunPartlyDown() {
        ProviderState stepfun = mock(ProviderState.class);
        given(stepfun.slug()).willReturn("stepfun");
        given(stepfun.name()).willReturn("StepFun");
        given(stepfun.level()).willReturn(Status.PARTIAL_OUTAGE);
        StatusSnapshot snapshot = new StatusSnapshot(3, Instant.parse("2026-11-29T12:00:00Z"), MonitorState.STARTING,
                List.of(stepfun));
        given(this.engine.current()).willReturn(snapshot);
    }

    @Test
    void badgeSaysTheLevelOfTheSnapshot() throws Exception {
        this.mvc.perform(get("/badge/stepfun.svg"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(BadgeController.SVG))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("StepFun")))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("partial outage")))
            .andExpect(header().exists("Content-Security-Policy"))
            .andExpect(header().exists("ETag"));
    }

    @Test
    void unknownProviderIsAGrey404Badge() throws Exception {
        this.mvc.perform(get("/badge/no-such-provider.svg"))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(BadgeController.SVG))
            .andExpect(content().string(org.hamcrest.Matchers.containsString("not found")))
            .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("no-such"))));
    }

}
