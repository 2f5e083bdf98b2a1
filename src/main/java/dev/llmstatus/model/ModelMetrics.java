package dev.llmstatus.model;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Model check meters, tagged provider, model and outcome: {@code llmstatus.model.ttft} (milliseconds) and
 * {@code llmstatus.model.tokens.per.second} as distribution summaries with percentiles, {@code llmstatus.model.checks}
 * counting checks, {@code llmstatus.model.skipped} counting checks not sent (budget, Retry-After, still in flight)
 * and {@code llmstatus.model.operator.warnings} counting results that point at our own key or account. No tag ever
 * carries a key.
 */
final class ModelMetrics {

    private final MeterRegistry registry;

    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    ModelMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(ModelResult result) {
        Meters meters = this.meters.computeIfAbsent(new Key(result.provider(), result.model(), result.outcome()),
                this::register);
        meters.checks().increment();
        if (result.ttftMillis() != null) {
            meters.ttft().record(result.ttftMillis());
        }
        if (result.tokensPerSecond() != null) {
            meters.rate().record(result.tokensPerSecond());
        }
        if (result.outcome().impact() == ModelOutcome.Impact.OURS) {
            Counter.builder("llmstatus.model.operator.warnings")
                .description("Model checks that failed because of our own key, quota or request")
                .tags("provider", result.provider(), "model", result.model(), "outcome", tag(result.outcome()))
                .register(this.registry)
                .increment();
        }
    }

    void skipped(String provider, String model, String reason) {
        Counter.builder("llmstatus.model.skipped")
            .description("Model checks not sent: budget used up, Retry-After, or the previous one still running")
            .tags("provider", provider, "model", model, "reason", reason)
            .register(this.registry)
            .increment();
    }

    private Meters register(Key key) {
        String[] tags = { "provider", key.provider(), "model", key.model(), "outcome", tag(key.outcome()) };
        return new Meters(
                Counter.builder("llmstatus.model.checks").description("Model checks").tags(tags).register(this.registry),
                DistributionSummary.builder("llmstatus.model.ttft")
                    .description("Time to the first content token of a model check")
                    .baseUnit("milliseconds")
                    .publishPercentiles(0.5, 0.95, 0.99)
                    .tags(tags)
                    .register(this.registry),
                DistributionSummary.builder("llmstatus.model.tokens.per.second")
                    .description("Output tokens per second over a model check's generation phase")
                    .publishPercentiles(0.5, 0.95)
                    .tags(tags)
                    .register(this.registry));
    }

    private static String tag(ModelOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    private record Key(String provider, String model, ModelOutcome outcome) {
    }

    private record Meters(Counter checks, DistributionSummary ttft, DistributionSummary rate) {
    }

}
