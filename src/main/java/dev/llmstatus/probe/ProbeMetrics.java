package dev.llmstatus.probe;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prober's meters: {@code llmstatus.probe.duration} and {@code llmstatus.probe.results} per provider, component
 * and outcome, {@code llmstatus.probe.in.flight}, and {@code llmstatus.probe.lag} (how late probes start after their
 * due time).
 */
@ProbingComponent
final class ProbeMetrics {

    private static final Logger logger = LoggerFactory.getLogger(ProbeMetrics.class);

    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final MeterRegistry registry;

    private final AtomicInteger inFlight = new AtomicInteger();

    private final Timer lag;

    private final Counter skipped;

    private final Counter underLoadKept;

    private final Counter underLoadDropped;

    private final AtomicLong lastWarned = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);

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
        this.underLoadKept = underLoadCounter(registry, "true");
        this.underLoadDropped = underLoadCounter(registry, "false");
    }

    private static Counter underLoadCounter(MeterRegistry registry, String counted) {
        return Counter.builder("llmstatus.probe.under.load")
            .description("Results measured while the prober itself was behind (stalled, CPU saturated or late), by "
                    + "whether they were still recorded")
            .tag("counted", counted)
            .register(registry);
    }

    /**
     * Counts a result measured under load, and tells the operator at most once a minute: a prober that is often
     * behind sees fewer slow providers than there are.
     * @return {@code judged}
     */
    ProbeResult underLoad(ProbeResult measured, ProbeResult judged) {
        (judged != null ? this.underLoadKept : this.underLoadDropped).increment();
        long now = System.nanoTime();
        long last = this.lastWarned.get();
        if (now - last >= WARN_EVERY_NANOS && this.lastWarned.compareAndSet(last, now)) {
            logger.warn("Prober under load (CPU saturated, a stall or a late start): results measured meanwhile "
                    + "cannot make a component slow or down; {} recorded, {} not counted so far (e.g. {}/{}: {})",
                    (long) this.underLoadKept.count(), (long) this.underLoadDropped.count(), measured.provider(),
                    measured.component(), measured.detail());
        }
        return judged;
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
