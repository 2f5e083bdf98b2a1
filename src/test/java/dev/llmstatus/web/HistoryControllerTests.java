package dev.llmstatus.web;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.llmstatus.status.IncidentArchive;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A provider's monthly incident history in the MVC slice: the snapshot's month is the plain history path, links go
 * only to months the archive holds, and a month outside them (or not a month at all) is a 404, never a 500.
 */
@WebSliceTest(HistoryController.class)
class HistoryControllerTests extends WebSliceTests {

    @MockitoBean
    IncidentArchive archive;

    @BeforeEach
    void archiveSinceSeptember() {
        snapshot(Snapshots.ONLINE, provider("openai", Status.OPERATIONAL, "All checks pass"));
        given(this.archive.firstMonth("openai")).willReturn(YearMonth.of(2026, 9));
        given(this.archive.month(eq("openai"), any())).willReturn(List.of());
        given(this.archive.month("openai", YearMonth.of(2026, 10))).willReturn(List.of(new IncidentView("m-3", false,
                "API answers HTTP 503", Status.MAJOR_OUTAGE, null, Snapshots.BUILT_AT.minusSeconds(40 * 86400L),
                Snapshots.BUILT_AT.minusSeconds(40 * 86400L - 1200), List.of("API"), List.of(), null, null)));
    }

    @Test
    void currentMonthIsThePlainPathWithALinkToTheOlderOne() throws Exception {
        this.mvc.perform(get("/status/openai/history"))
            .andExpect(status().isOk())
            .andExpect(view().name("history/show"))
            .andExpect(model().attribute("month", "November 2026"))
            .andExpect(model().attribute("newer", nullValue()))
            .andExpect(model().attribute("older", "/status/openai/history/2026-10"))
            .andExpect(model().attribute("since", "September 2026"))
            .andExpect(content().string(
                    containsString("<link rel=\"canonical\" href=\"http://localhost:8080/status/openai/history\">")));
    }

    @Test
    void pastMonthShowsItsIncidentsAndLinksBothWays() throws Exception {
        this.mvc.perform(get("/status/openai/history/2026-10"))
            .andExpect(status().isOk())
            .andExpect(model().attribute("newer", "/status/openai/history"))
            .andExpect(model().attribute("older", "/status/openai/history/2026-09"))
            .andExpect(content().string(containsString("API answers HTTP 503")));
        this.mvc.perform(get("/status/openai/history/2026-09"))
            .andExpect(status().isOk())
            .andExpect(model().attribute("older", nullValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-12", "2026-08", "2026-13", "last-month" })
    void monthOutsideTheArchiveIsA404(String month) throws Exception {
        this.mvc.perform(get("/status/openai/history/" + month)).andExpect(status().isNotFound());
    }

}
