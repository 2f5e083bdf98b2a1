package dev.llmstatus.probe;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load sampler on a clock the test moves: stalls add up while a probe is on the wire, a busy CPU or a late start
 * marks it, and what happened before a probe started does not.
 */
class ProberLoadTests {

    private final AtomicLong now = new AtomicLong(TimeUnit.SECONDS.toNanos(100));

    private double cpu = 0.2;

    private final ProberLoad load = new ProberLoad(
            ProbeTestSupport.properties(Map.of("llmstatus.probe.load.tick", "50ms", "llmstatus.probe.load.stall",
                    "150ms", "llmstatus.probe.load.busy-cpu", "0.9", "llmstatus.probe.load.max-lag", "2s")).load(),
            this.now::get, () -> this.cpu);

    @Test
    void wakeUpsOnTimeAreNoLoad() {
        ProberLoad.Mark mark = this.load.mark();
        for (int i = 0; i < 40; i++) {
            onTime();
        }
        ProberLoad.Strain strain = this.load.since(mark, 100);
        assertThat(strain.behind()).isFalse();
        assertThat(strain.stalled()).isZero();
    }

    @Test
    void stallsWhileAProbeIsOnTheWireAddUpUntilTheyMarkIt() {
        ProberLoad.Mark mark = this.load.mark();
        late(100);
        assertThat(this.load.since(mark, 0).behind()).as("100 ms of stall is under the 150 ms threshold").isFalse();
        late(80);
        ProberLoad.Strain strain = this.load.since(mark, 0);
        assertThat(strain.behind()).isTrue();
        // each wake-up's first 5 ms are ordinary timer jitter
        assertThat(strain.stalled()).isEqualTo(Duration.ofMillis(95 + 75));
    }

    @Test
    void aStallBeforeTheProbeStartedDoesNotCount() {
        late(900);
        ProberLoad.Mark mark = this.load.mark();
        onTime();
        onTime();
        assertThat(this.load.since(mark, 0).behind()).isFalse();
    }

    @Test
    void aBusyCpuSampledDuringTheProbeMarksIt() {
        this.cpu = 0.95;
        onTime();
        ProberLoad.Mark mark = this.load.mark();
        onTime();
        assertThat(this.load.since(mark, 0).behind()).as("the next CPU sample is a second later").isFalse();
        this.now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        this.load.tick();
        assertThat(this.load.since(mark, 0).behind()).isTrue();
        ProberLoad.Mark after = this.load.mark();
        this.cpu = 0.5;
        onTime();
        assertThat(this.load.since(after, 0).behind()).isFalse();
    }

    @Test
    void aLateStartMarksIt() {
        ProberLoad.Mark mark = this.load.mark();
        onTime();
        assertThat(this.load.since(mark, 2000).behind()).isFalse();
        assertThat(this.load.since(mark, 2001).behind()).isTrue();
    }

    private void onTime() {
        this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
        this.load.tick();
    }

    private void late(long millis) {
        this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(50 + millis));
        this.load.tick();
    }

}
