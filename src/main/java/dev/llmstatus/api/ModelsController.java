package dev.llmstatus.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.llmstatus.model.ModelResult;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.system.CachedPage;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * One provider's models as our inference checks see them: {@code /api/v1/providers/{slug}/models.json}. Read from
 * the snapshot like every page; {@code null} wherever there is no data, never a made-up zero.
 */
@RestController
class ModelsController {

    private final StatusEngine engine;

    ModelsController(StatusEngine engine) {
        this.engine = engine;
    }

    @CachedPage
    @GetMapping("/api/v1/providers/{slug}/models.json")
    ResponseEntity<Models> models(@PathVariable String slug) {
        ProviderState provider = this.engine.current()
            .provider(slug)
            .orElseThrow(() -> new UnknownProviderException(slug));
        List<Model> models = provider.models().stream().map(ModelsController::model).toList();
        String note = (!provider.models().isEmpty() && !provider.modelsConfigured())
                ? "Model checks are not configured on this instance" : null;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(new Models(slug, note, models));
    }

    private static Model model(ModelState state) {
        ModelResult error = state.lastError();
        return new Model(state.id(), state.name(), StatuspageSummaries.componentStatus(state.level()),
                state.configured(), state.reason(), new Ttft(state.ttftP50(), state.ttftP95()),
                new Rate(rounded(state.tokensPerSecondP50())), StatuspageSummaries.timestamp(state.lastChecked()),
                (error != null) ? new LastError(error.httpStatus(), error.errorLabel(), state.lastErrorTopic(),
                        StatuspageSummaries.timestamp(error.startedAt())) : null,
                state.checksLastHour());
    }

    private static Double rounded(Double value) {
        return (value != null) ? Math.round(value * 10) / 10.0 : null;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "provider", "note", "models" })
    record Models(String provider, String note, @JsonInclude(JsonInclude.Include.ALWAYS) List<Model> models) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "id", "name", "status", "configured", "description", "ttft_ms", "tokens_per_second",
            "last_checked_at", "last_error", "checks_last_hour" })
    record Model(String id, String name, String status, boolean configured, String description,
            @JsonProperty("ttft_ms") Ttft ttftMillis, @JsonProperty("tokens_per_second") Rate tokensPerSecond,
            @JsonProperty("last_checked_at") String lastCheckedAt, @JsonProperty("last_error") LastError lastError,
            @JsonProperty("checks_last_hour") int checksLastHour) {
    }

    /** Time to first token over the last hour, in milliseconds. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "p50", "p95" })
    record Ttft(Long p50, Long p95) {
    }

    /** Output tokens per second over the last hour. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Rate(Double p50) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "http_status", "type", "topic", "at" })
    record LastError(@JsonProperty("http_status") Integer httpStatus, String type, String topic, String at) {
    }

}
