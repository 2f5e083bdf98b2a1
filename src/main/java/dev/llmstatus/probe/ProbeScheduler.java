package dev.llmstatus.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.CheckKind;

import org.springframework.context.SmartLifecycle;

/**
 * Checks every entry of the catalog on its interval, through the {@link Check} of its definition's kind, and runs
 * the prober's periodic jobs.
 * <p>
 * Timing: each component's probes are due at fixed wall-clock slots, {@code k * interval + offset}, where the offset
 * is a stable hash of the component spread over the jitter window. Starts are therefore spread out, and every
 * instance computes the same slots, so instances sharing a database race for the same ShedLock lock at the same
 * moment and exactly one of them probes the component in each slot. The lock is held for half an interval and never
 * released early.
 * <p>
 * Threads: one timer thread only hands due work to a few worker threads; a worker takes the lock and starts the
 * request, which then runs on the HTTP client's selector without holding any thread until it completes. A probe
 * whose previous run is still in flight is skipped, so a hanging target never piles up work.
 */
@ProbingComponent
final class ProbeScheduler implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(ProbeScheduler.class);

    private final Catalog catalog;

    private final ProbeProperties properties;

    private final ProbeExecutors executors;

    private final ClusterLocks locks;

    private final HostLimiter limiter;

    private final Map<CheckKind, Check> checks = new EnumMap<>(CheckKind.class);

    private final HistoryWriter writer;

    private final ProbeMetrics metrics;

    private final List<Job> jobs;

    private final Clock clock;

    private final ProberLoad load;

    private volatile boolean running;

    /** Probes on the wire, so that stopping waits for their results instead of dropping them. */
    private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

    ProbeScheduler(Catalog catalog, ProbeProperties properties, ProbeExecutors executors, ClusterLocks locks,
            List<Check> checks, HistoryWriter writer, ProbeMetrics metrics, List<Job> jobs, Clock clock,
            ProberLoad load) {
        this.catalog = catalog;
        this.properties = properties;
        this.executors = executors;
        this.locks = locks;
        this.limiter = new HostLimiter(properties.perHostConcurrency(), executors.workers());
        for (Check check : checks) {
            if (this.checks.put(check.kind(), check) != null) {
                throw new IllegalStateException("Two checks for the kind " + check.kind());
            }
        }
        this.writer = writer;
        this.metrics = metrics;
        this.jobs = List.copyOf(jobs);
        this.clock = clock;
        this.load = load;
    }

    /**
     * A periodic job that must run once per period across instances.
     *
     * @param name its lock name
     * @param period how often it runs
     * @param task what it does (on a worker thread; may block on the database)
     */
    record Job(String name, Duration period, Runnable task) {
    }

    @Override
    public void start() {
        ScheduledExecutorService timer = this.executors.timer();
        List<Target> targets = targets();
        this.load.start();
        for (Target target : targets) {
            long delay = target.nextSlot(this.clock.millis()) - this.clock.millis();
            timer.scheduleAtFixedRate(() -> guarded("probe " + target.name, () -> {
                long due = target.currentSlot(this.clock.millis());
                this.executors.workers().execute(() -> guarded("probe " + target.name, () -> dispatch(target, due)));
            }), Math.max(0, delay), target.intervalMillis, TimeUnit.MILLISECONDS);
        }
        for (Job job : this.jobs) {
            long period = job.period().toMillis();
            long delay = period - Math.floorMod(this.clock.millis(), period);
            timer.scheduleAtFixedRate(() -> guarded(job.name(), () -> this.executors.workers()
                .execute(() -> guarded(job.name(), () -> runLocked(job)))), delay, period, TimeUnit.MILLISECONDS);
        }
        long flush = this.properties.flushInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> guarded("flush", this.writer::flush), flush, flush, TimeUnit.MILLISECONDS);
        this.running = true;
        logger.info("Probing {} components of {} providers (jitter {}, at most {} in flight per host)", targets.size(),
                this.catalog.providers().size(), this.properties.jitter(), this.properties.perHostConcurrency());
    }

    @Override
    public void stop() {
        this.running = false;
        this.load.stop();
        this.executors.timer().shutdownNow();
        ExecutorService workers = this.executors.workers();
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
            CompletableFuture.allOf(this.inFlight.toArray(CompletableFuture[]::new)).get(longestTimeout(),
                    TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (ExecutionException | TimeoutException ex) {
            logger.warn("Prober: {} probes still in flight at shutdown; their results are lost", this.inFlight.size());
        }
        guarded("final flush", this.writer::flush);
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        // Stop before the web server and the data source.
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        for (CheckTarget checked : CheckTarget.all(this.catalog)) {
            Check check = this.checks.get(checked.definition().kind());
            if (check == null) {
                throw new IllegalStateException("No check runs " + checked.definition().kind() + " (" + checked.name()
                        + ")");
            }
            if (check.enabled(checked.provider(), checked.definition())) {
                targets.add(new Target(checked, check, this.properties.jitter()));
            }
        }
        return targets;
    }

    private void dispatch(Target target, long due) {
        if (!target.inFlight.compareAndSet(false, true)) {
            this.metrics.skipped();
            return;
        }
        boolean handedOver = false;
        try {
            if (this.locks.tryAcquire(target.lockName, Duration.ofMillis(target.intervalMillis / 2))) {
                this.limiter.submit(target.host, () -> start(target, due));
                handedOver = true;
            }
        }
        finally {
            if (!handedOver) {
                target.inFlight.set(false);
            }
        }
    }

    private CompletableFuture<?> start(Target target, long due) {
        long now = this.clock.millis();
        if (!this.running || now - due > target.intervalMillis) {
            target.inFlight.set(false);
            this.metrics.skipped();
            return CompletableFuture.completedFuture(null);
        }
        long lag = now - due;
        this.metrics.started(lag);
        ProberLoad.Mark mark = this.load.mark();
        CompletableFuture<?> probing = target.check.run(target.checked.provider(), target.checked.key(),
                target.checked.definition())
            .whenComplete((measured, failure) -> {
                target.inFlight.set(false);
                if (measured != null) {
                    ProbeResult result = judged(target, measured, this.load.since(mark, lag));
                    if (result != null) {
                        this.metrics.finished(result);
                        this.writer.add(result);
                    }
                    else {
                        this.metrics.declined();
                    }
                }
                else if (failure == null) {
                    // the check chose not to send anything this time (a budget, a Retry-After)
                    this.metrics.declined();
                }
                else {
                    this.metrics.declined();
                    logger.error("Probe of {} failed unexpectedly", target.name, failure);
                }
            });
        this.inFlight.add(probing);
        probing.whenComplete((done, failure) -> this.inFlight.remove(probing));
        return probing;
    }

    /** The result as it counts: one measured while the prober was behind is for its check to judge again. */
    private ProbeResult judged(Target target, ProbeResult measured, ProberLoad.Strain strain) {
        if (!strain.behind()) {
            return measured;
        }
        return this.metrics.underLoad(measured,
                target.check.underLoad(measured, target.checked.definition(), strain.stalled()));
    }

    private long longestTimeout() {
        return CheckTarget.all(this.catalog).stream()
            .mapToLong((checked) -> checked.definition().timeout().toMillis())
            .max()
            .orElse(0) + 1000;
    }

    private void runLocked(Job job) {
        Duration hold = Duration.ofMillis(job.period().toMillis() * 9 / 10);
        if (this.locks.tryAcquire("probe-job:" + job.name(), hold)) {
            job.task().run();
        }
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        }
        catch (RuntimeException ex) {
            logger.warn("Prober: {} failed: {}", what, ex.toString());
        }
    }

    /** One entry's schedule. */
    private static final class Target {

        private final CheckTarget checked;

        private final Check check;

        private final String name;

        private final String lockName;

        private final String host;

        private final long intervalMillis;

        private final long offsetMillis;

        private final AtomicBoolean inFlight = new AtomicBoolean();

        Target(CheckTarget checked, Check check, Duration jitter) {
            this.checked = checked;
            this.check = check;
            this.name = checked.name();
            this.lockName = ClusterLocks.name("probe:" + this.name);
            String targetHost = checked.definition().url().getHost();
            this.host = (targetHost != null) ? targetHost.toLowerCase(Locale.ROOT) : "";
            this.intervalMillis = checked.definition().interval().toMillis();
            this.offsetMillis = offset(this.name, Math.min(jitter.toMillis(), this.intervalMillis));
        }

        /** The first slot at or after the instant. */
        long nextSlot(long nowMillis) {
            long slot = currentSlot(nowMillis);
            return (slot < nowMillis) ? slot + this.intervalMillis : slot;
        }

        /** The slot nearest to the instant (the timer may fire a little early or late). */
        long currentSlot(long nowMillis) {
            long k = Math.round((double) (nowMillis - this.offsetMillis) / this.intervalMillis);
            return k * this.intervalMillis + this.offsetMillis;
        }

    }

    /** A stable offset in {@code [0, spread)}: the same component gets the same offset on every instance. */
    static long offset(String name, long spread) {
        if (spread <= 0) {
            return 0;
        }
        long hash = name.hashCode() * 0x9E3779B97F4A7C15L;
        return Math.floorMod(hash ^ (hash >>> 29), spread);
    }

}
