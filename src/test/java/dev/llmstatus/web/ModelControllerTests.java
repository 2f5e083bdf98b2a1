package dev.llmstatus.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.errors.ProviderErrorPage;
import dev.llmstatus.model.ModelOutcome;
import dev.llmstatus.model.ModelResult;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.Uptime;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * A model's page in the MVC slice: its level and reason from the snapshot, the error page of its last error first,
 * only the incidents that name it, ids with slashes, indexing only for models this instance checks, and a 404 for a
 * model the provider does not list.
 */
@WebSliceTest(ModelController.class)
class ModelControllerTests extends WebSliceTests {

    private static final String FIREWORKS_MODEL = "accounts/fireworks/models/llama-v3p1-8b-instruct";

    @Test
    void failingModelLeadsWithTheErrorPageOfItsLastErrorAndItsOwnIncidents() throws Exception {
        ModelResult failed = new ModelResult("openai", "gpt-4o-mini", Snapshots.LAST_CHECKED,
                ModelOutcome.SERVER_ERROR, 500, null, 300, null, null, null, "server_error", null, null, null,
                "HTTP 500 server_error");
        ModelState model = new ModelState("gpt-4o-mini", "GPT-4o mini", Status.MAJOR_OUTAGE,
                "failing: HTTP 500 server_error for 10 min", Snapshots.BUILT_AT.minusSeconds(600), true, false, failed,
                failed, "500-internal-server-error", null, null, null, 10, Uptime.NONE, List.of(), List.of());
        IncidentView named = incident("m-1", "GPT-4o mini failing", "GPT-4o mini");
        IncidentView other = incident("m-2", "Website down", "Website");
        snapshot(Snapshots.ONLINE, Snapshots.withIncidents(
                Snapshots.withModels(provider("openai", Status.PARTIAL_OUTAGE, "GPT-4o mini failing"), model), named,
                other));
        MvcResult result = this.mvc.perform(get("/status/openai/models/gpt-4o-mini"))
            .andExpect(status().isOk())
            .andExpect(view().name("model/show"))
            .andExpect(content().string(allOf(
                    containsString("<title>GPT-4o mini (OpenAI) status: is it down? | LLM Status</title>"),
                    containsString("Failing: HTTP 500 server_error for 10 min"),
                    not(containsString("<meta name=\"robots\" content=\"noindex\">")))))
            .andReturn();
        @SuppressWarnings("unchecked")
        List<ProviderErrorPage> pages = (List<ProviderErrorPage>) result.getModelAndView().getModel().get("errorPages");
        assertThat(pages).first().extracting(ProviderErrorPage::slug).isEqualTo("500-internal-server-error");
        assertThat(result.getModelAndView().getModel().get("incidents")).isEqualTo(List.of(named));
    }

    @Test
    void modelIdsMayHoldSlashesAndUncheckedModelsAreNotIndexed() throws Exception {
        ModelState model = new ModelState(FIREWORKS_MODEL, "Llama 3.1 8B", Status.UNKNOWN,
                "model checks are not configured on this instance", null, false, false, null, null, null, null, null,
                null, 0, Uptime.NONE, List.of(), List.of());
        snapshot(Snapshots.ONLINE,
                Snapshots.withModels(provider("fireworks", Status.OPERATIONAL, "All checks pass"), model));
        this.mvc.perform(get("/status/fireworks/models/" + FIREWORKS_MODEL))
            .andExpect(status().isOk())
            .andExpect(content().string(allOf(containsString("Llama 3.1 8B"),
                    containsString("<meta name=\"robots\" content=\"noindex\">"))));
        this.mvc.perform(get("/status/fireworks/models/no-such-model")).andExpect(status().isNotFound());
    }

    private static IncidentView incident(String id, String title, String component) {
        return new IncidentView(id, false, title, Status.MAJOR_OUTAGE, null, Snapshots.BUILT_AT.minusSeconds(600),
                null, List.of(component), List.of(), null, null);
    }

}
