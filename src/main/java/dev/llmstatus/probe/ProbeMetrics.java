package dev.llmstatus.probe;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The prober's meters: {@code llmstatus.probe.duration} and {@code llmstatus.probe.results} per provider, component
 * and outcome, {@code llmstatus.probe.in.flight}, and {@code llmstatus.probe.lag} (how late probes start after their
 * due time).
 */
@ProbingComponent
final class ProbeMetrics {

    private final MeterRegistry registry;

    private final AtomicInteger inFlight = new AtomicInteger();

    private final Timer lag;

    private final Counter skipped;

    /** Looked up once per component and outcome rather than rebuilt for every result. */
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    ProbeMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("llmstatus.probe.in.flight", this.inFlight, AtomicInteger::get)
            .description("Probes started and not yet finished")
            .register(registry);
        this.lag = Timer.builder("llmstatus.probe.lag")
            .description("Time between a probe's due time and its start")
            .register(registry);
        this.skipped = Counter.builder("llmstatus.probe.skipped")
            .description("Probes not started because the previous one of the same component was still running, "
                    + "or because they waited for their host longer than an interval")
            .register(registry);
    }

    void started(long lagMillis) {
        this.inFlight.incrementAndGet();
        this.lag.record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
    }

    void finished(ProbeResult result) {
        this.inFlight.decrementAndGet();
        Meters meters = this.meters.computeIfAbsent(
                new Key(result.provider(), result.component(), result.outcome()), this::register);
        meters.duration().record(result.latency());
        meters.results().increment();
    }

    private Meters register(Key key) {
        String outcome = key.outcome().name().toLowerCase(Locale.ROOT);
        return new Meters(Timer.builder("llmstatus.probe.duration")
            .description("Time to a front-door probe's answer or failure")
            .tags("provider", key.provider(), "component", key.component(), "outcome", outcome)
            .register(this.registry),
                Counter.builder("llmstatus.probe.results")
                    .description("Front-door probe results")
                    .tags("provider", key.provider(), "component", key.component(), "outcome", outcome)
                    .register(this.registry));
    }

    private record Key(String provider, String component, Outcome outcome) {
    }

    private record Meters(Timer duration, Counter results) {
    }

    /** A started check that completed without a result. */
    void declined() {
        this.inFlight.decrementAndGet();
    }

    void skipped() {
        this.skipped.increment();
    }

}
