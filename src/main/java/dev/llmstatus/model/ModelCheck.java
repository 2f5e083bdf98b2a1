package dev.llmstatus.model;

import java.util.concurrent.CompletableFuture;

import dev.llmstatus.catalog.CheckDefinition;
import dev.llmstatus.catalog.CheckKind;
import dev.llmstatus.catalog.ModelDefinition;
import dev.llmstatus.probe.Check;
import dev.llmstatus.probe.ProbeResult;
import dev.llmstatus.probe.ProbingComponent;

/**
 * The model inference kind of check: the prober schedules each catalog model like any entry (interval, jitter,
 * cluster lock, one in flight) and hands it here. Models without the operator's key are not scheduled at all;
 * a run that the budget or a Retry-After holds back sends nothing and yields no result.
 */
@ProbingComponent
final class ModelCheck implements Check {

    private final ModelChecker checker;

    private final ModelKeys keys;

    private final ModelProperties properties;

    ModelCheck(ModelChecker checker, ModelKeys keys, ModelProperties properties) {
        this.checker = checker;
        this.keys = keys;
        this.properties = properties;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.MODEL_INFERENCE;
    }

    @Override
    public boolean enabled(String provider, CheckDefinition definition) {
        return this.properties.enabled() && this.keys.configured(provider, ((ModelDefinition) definition).apiKeyEnv());
    }

    @Override
    public CompletableFuture<ProbeResult> run(String provider, String key, CheckDefinition definition) {
        ModelDefinition model = (ModelDefinition) definition;
        return this.checker.check(ModelTarget.of(provider, model), model.apiKeyEnv())
            .thenApply((result) -> result.map((checked) -> checked.toProbeResult(key)).orElse(null));
    }

}
