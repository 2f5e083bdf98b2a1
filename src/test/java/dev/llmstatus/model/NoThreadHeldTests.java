package dev.llmstatus.model;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.probe.SimulatedModel;
import dev.llmstatus.probe.SimulatedModel.Ending;
import dev.llmstatus.probe.SimulatedModel.Wire;

import static org.assertj.core.api.Assertions.assertThat;

/** A check never holds a thread while it waits on a stream. */
class NoThreadHeldTests {

    private static final int STREAMS = 200;

    private static long threadsInOurCode() {
        Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
        stacks.remove(Thread.currentThread());
        return stacks.values().stream().filter((stack) -> Arrays.stream(stack)
            .anyMatch((frame) -> frame.getClassName().startsWith("dev.llmstatus.model."))).count();
    }

    @Test
    void twoHundredStalledStreamsInFlightHoldNoThread() throws Exception {
        try (ProviderSimulator simulator = ProviderSimulator.start()) {
            simulator.set("/v1/chat", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)
                .ttft(Duration.ofMillis(50))
                .tokens(2)
                .ending(Ending.STALL_HALFWAY)));
            InferenceClient client = new InferenceClient(InferenceClient.httpClient(), "test",
                    Clock.systemUTC());
            ModelTarget target = InferenceClientTests.target(Wire.OPENAI_CHAT, simulator.uri("/v1/chat"),
                    Duration.ofSeconds(20), Duration.ofSeconds(5), 1);
            int threadsBefore = Thread.activeCount();
            List<CompletableFuture<ModelResult>> checks = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                checks.add(client.check(target, "sk-sim-0000000000000000"));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (simulator.streamsPastFirstToken() < STREAMS && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(simulator.streamsPastFirstToken()).as("streams mid-answer").isEqualTo(STREAMS);
            assertThat(checks).noneMatch(CompletableFuture::isDone);
            // Every stream has its first token and then nothing more: no thread may exist per stream, and once the
            // first tokens are parsed no thread may be anywhere in our code while the 200 streams stay open.
            assertThat(Thread.activeCount() - threadsBefore).isLessThan(20);
            long settle = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (threadsInOurCode() > 0 && System.nanoTime() < settle) {
                Thread.sleep(20);
            }
            assertThat(threadsInOurCode()).isZero();
            assertThat(checks).noneMatch(CompletableFuture::isDone);
            // the first timer is 20 s out: stop the wait by ending the simulator's streams
            simulator.close();
            CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).join();
            assertThat(checks).allSatisfy((check) -> assertThat(check.join().outcome()).isIn(
                    ModelOutcome.STREAM_BROKEN, ModelOutcome.STREAM_STALLED));
        }
    }

}
