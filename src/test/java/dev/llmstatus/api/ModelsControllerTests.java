package dev.llmstatus.api;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.model.ModelOutcome;
import dev.llmstatus.model.ModelResult;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.Uptime;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The models API in the MVC slice: each model's level, latency and last error as the snapshot has them, {@code null}
 * where there is no data (never a made-up zero), a note when this instance has no key to check them, and a JSON 404
 * for an unknown provider.
 */
@WebSliceTest(ModelsController.class)
class ModelsControllerTests extends WebSliceTests {

    private static final Instant CHECKED = Snapshots.BUILT_AT.minusSeconds(90);

    @Test
    void checkedModelsCarryTheirFiguresAndLastError() throws Exception {
        ModelResult ok = new ModelResult("openai", "gpt-4o-mini", CHECKED, ModelOutcome.OK, 200, 412L, 1900, 40,
                38.46, true, null, null, "req_1", null, null);
        ModelResult failed = new ModelResult("openai", "gpt-4.1-mini", CHECKED, ModelOutcome.SERVER_ERROR, 503, null,
                800, null, null, null, "server_error", null, "req_2", null, "HTTP 503");
        openaiWith(model("gpt-4o-mini", "GPT-4o mini", Status.OPERATIONAL, true, ok, null, null, 412L, 980L, 38.46, 12),
                model("gpt-4.1-mini", "GPT-4.1 mini", Status.MAJOR_OUTAGE, true, failed, failed, "server-errors",
                        null, null, null, 12));
        this.mvc.perform(get("/api/v1/providers/openai/models.json"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andExpect(jsonPath("$.provider").value("openai"))
            .andExpect(jsonPath("$.note").doesNotExist())
            .andExpect(jsonPath("$.models", hasSize(2)))
            .andExpect(jsonPath("$.models[0].id").value("gpt-4o-mini"))
            .andExpect(jsonPath("$.models[0].status").value("operational"))
            .andExpect(jsonPath("$.models[0].ttft_ms.p50").value(412))
            .andExpect(jsonPath("$.models[0].ttft_ms.p95").value(980))
            .andExpect(jsonPath("$.models[0].tokens_per_second.p50").value(38.5))
            .andExpect(jsonPath("$.models[0].last_checked_at").value("2026-11-29T11:58:30.000Z"))
            .andExpect(jsonPath("$.models[0].last_error").isEmpty())
            .andExpect(jsonPath("$.models[0].checks_last_hour").value(12))
            .andExpect(jsonPath("$.models[1].status").value("major_outage"))
            .andExpect(jsonPath("$.models[1].last_error.http_status").value(503))
            .andExpect(jsonPath("$.models[1].last_error.type").value("server_error"))
            .andExpect(jsonPath("$.models[1].last_error.topic").value("server-errors"))
            .andExpect(jsonPath("$.models[1].last_error.at").value("2026-11-29T11:58:30.000Z"))
            // no data is null, not zero
            .andExpect(jsonPath("$.models[1].ttft_ms.p50").isEmpty())
            .andExpect(jsonPath("$.models[1].tokens_per_second.p50").isEmpty());
    }

    @Test
    void modelsWithoutAKeyOnThisInstanceSaySo() throws Exception {
        openaiWith(model("gpt-4o-mini", "GPT-4o mini", Status.UNKNOWN, false, null, null, null, null, null, null, 0));
        this.mvc.perform(get("/api/v1/providers/openai/models.json"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.note").value("Model checks are not configured on this instance"))
            .andExpect(jsonPath("$.models[0].configured").value(false))
            .andExpect(jsonPath("$.models[0].status").value("unknown"))
            .andExpect(jsonPath("$.models[0].last_checked_at").isEmpty());
    }

    @Test
    void unknownProviderIsAJson404() throws Exception {
        openaiWith();
        this.mvc.perform(get("/api/v1/providers/nope/models.json"))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.error").value("not_found"))
            .andExpect(jsonPath("$.message", containsString("/api/v1/summary.json")));
    }

    private void openaiWith(ModelState... models) {
        ProviderState openai = provider("openai", Status.OPERATIONAL, "All checks pass");
        snapshot(Snapshots.ONLINE, Snapshots.withModels(openai, models));
    }

    private static ModelState model(String id, String name, Status level, boolean configured, ModelResult last,
            ModelResult lastError, String topic, Long ttftP50, Long ttftP95, Double tokensPerSecond, int checks) {
        return new ModelState(id, name, level, level.label(), null, configured, false, last, lastError, topic,
                ttftP50, ttftP95, tokensPerSecond, checks, Uptime.NONE, List.of(), List.of());
    }

}
