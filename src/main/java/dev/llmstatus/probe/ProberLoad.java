package dev.llmstatus.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import dev.llmstatus.system.DaemonThreads;

/**
 * Whether the prober itself was behind while a probe was on the wire, so that our own load is never taken for a
 * provider's slowness. A latency is only as good as the process measuring it: when the CPU is saturated or the JVM
 * stalls (a long GC pause, a burst of JIT compilation), the thread that reads the answer runs late and a 200 ms
 * answer measures as 1.5 s.
 * <p>
 * One daemon thread that does nothing else samples two signals: how late it wakes up (summed into the time the
 * process was <em>stalled</em>, which every other runnable thread of the process suffered too) and, once a second,
 * the machine's CPU load. A probe was measured under load ({@link Strain#behind()}) when, between its start and its
 * result, the process stalled for at least {@code stall} in total or the CPU was at or above {@code busyCpu}, or
 * when it started more than {@code maxLag} after its due time (the scheduler itself was behind). Time spent waiting
 * in a host's queue is not a signal: it is not part of the measured latency (that runs from when the request went
 * out), and a full queue usually means the provider is slow, which must still show.
 */
final class ProberLoad {

    private static final long CPU_SAMPLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** Lateness the sampler ignores per wake-up: ordinary timer jitter, not a stall. */
    private static final long TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final long tickNanos;

    private final long stallNanos;

    private final double busyCpu;

    private final long maxLagMillis;

    private final LongSupplier nanoTime;

    private final DoubleSupplier cpuLoad;

    /** The time the process has been stalled since the sampler started, in total (only the sampler writes it). */
    private volatile long stalled;

    /** When the CPU was last seen busy ({@link System#nanoTime()} scale); 0 for never. */
    private volatile long lastBusy;

    private long expectedAt;

    private long lastCpuSample;

    private ScheduledExecutorService timer;

    ProberLoad(ProbeProperties.Load properties) {
        this(properties, System::nanoTime, ProberLoad::machineCpuLoad);
    }

    ProberLoad(ProbeProperties.Load properties, LongSupplier nanoTime, DoubleSupplier cpuLoad) {
        this.tickNanos = properties.tick().toNanos();
        this.stallNanos = properties.stall().toNanos();
        this.busyCpu = properties.busyCpu();
        this.maxLagMillis = properties.maxLag().toMillis();
        this.nanoTime = nanoTime;
        this.cpuLoad = cpuLoad;
        this.expectedAt = nanoTime.getAsLong() + this.tickNanos;
    }

    /**
     * Where a probe starts: what the sampler had seen so far.
     *
     * @param atNanos when it started
     * @param stalledNanos the total stall up to then
     */
    record Mark(long atNanos, long stalledNanos) {
    }

    /**
     * What the prober went through while one probe was on the wire.
     *
     * @param stalled how long the process was stalled meanwhile
     * @param behind whether the result counts as measured under load
     */
    record Strain(Duration stalled, boolean behind) {
    }

    synchronized void start() {
        if (this.timer != null) {
            return;
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("prober-load"));
        this.expectedAt = this.nanoTime.getAsLong() + this.tickNanos;
        this.timer.scheduleWithFixedDelay(this::tick, this.tickNanos, this.tickNanos, TimeUnit.NANOSECONDS);
    }

    synchronized void stop() {
        if (this.timer != null) {
            this.timer.shutdownNow();
            this.timer = null;
        }
    }

    /** One sample: how late this wake-up came, and (once a second) how busy the CPU is. */
    void tick() {
        long now = this.nanoTime.getAsLong();
        long late = now - this.expectedAt - TOLERANCE_NANOS;
        if (late > 0) {
            this.stalled += late;
        }
        this.expectedAt = now + this.tickNanos;
        if (now - this.lastCpuSample >= CPU_SAMPLE_NANOS) {
            this.lastCpuSample = now;
            if (this.cpuLoad.getAsDouble() >= this.busyCpu) {
                // 0 means "never": a clock that happens to read 0 is moved by one nanosecond
                this.lastBusy = (now != 0) ? now : 1;
            }
        }
    }

    Mark mark() {
        return new Mark(this.nanoTime.getAsLong(), this.stalled);
    }

    /** What the prober went through since the probe marked {@code start} began, {@code lagMillis} after its due time. */
    Strain since(Mark start, long lagMillis) {
        long stalledMeanwhile = this.stalled - start.stalledNanos();
        long busy = this.lastBusy;
        boolean behind = lagMillis > this.maxLagMillis || stalledMeanwhile >= this.stallNanos
                || (busy != 0 && busy - start.atNanos() > 0);
        return new Strain(Duration.ofNanos(stalledMeanwhile), behind);
    }

    /** The machine's recent CPU load from 0 to 1, or a negative number where the platform does not tell. */
    private static double machineCpuLoad() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getCpuLoad();
        }
        return -1;
    }

}
