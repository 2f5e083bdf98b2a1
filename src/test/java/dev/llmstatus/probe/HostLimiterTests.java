package dev.llmstatus.probe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostLimiterTests {

    @Test
    void aHostAtItsCapDoesNotDelayOtherHosts() {
        HostLimiter limiter = new HostLimiter(2, Runnable::run);
        List<String> started = new CopyOnWriteArrayList<>();
        List<CompletableFuture<Void>> hanging = List.of(new CompletableFuture<>(), new CompletableFuture<>(),
                new CompletableFuture<>());
        for (int i = 0; i < 3; i++) {
            int n = i;
            limiter.submit("slow.example", () -> {
                started.add("slow-" + n);
                return hanging.get(n);
            });
        }
        limiter.submit("fast.example", () -> {
            started.add("fast");
            return CompletableFuture.completedFuture(null);
        });
        assertThat(started).containsExactly("slow-0", "slow-1", "fast");
        assertThat(limiter.waiting()).isEqualTo(1);
        hanging.get(0).complete(null);
        assertThat(started).containsExactly("slow-0", "slow-1", "fast", "slow-2");
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void aTaskThatThrowsGivesItsPermitBack() {
        HostLimiter limiter = new HostLimiter(1, Runnable::run);
        limiter.submit("h", () -> {
            throw new IllegalStateException("boom");
        });
        List<String> started = new CopyOnWriteArrayList<>();
        limiter.submit("h", () -> {
            started.add("next");
            return CompletableFuture.completedFuture(null);
        });
        assertThat(started).containsExactly("next");
    }

}
