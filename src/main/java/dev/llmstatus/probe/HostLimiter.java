package dev.llmstatus.probe;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Caps the probes in flight per host without blocking any thread: a probe over the cap waits in its host's queue
 * and starts when one of that host's probes finishes. Each host has its own lane, so a slow host only delays itself.
 */
final class HostLimiter {

    private final int perHost;

    private final Executor executor;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param perHost the most tasks in flight per host
     * @param executor where waiting tasks start, so that they never start on the thread that finished the previous one
     */
    HostLimiter(int perHost, Executor executor) {
        this.perHost = perHost;
        this.executor = executor;
    }

    /**
     * Runs the task now or when the host has room.
     * @param task starts asynchronous work and returns its completion; the permit is held until it completes
     */
    void submit(String host, Supplier<CompletableFuture<?>> task) {
        Lane lane = this.lanes.computeIfAbsent(host, (key) -> new Lane());
        if (lane.enter(task)) {
            run(lane, task);
        }
    }

    /** Tasks waiting across all hosts. */
    int waiting() {
        return this.lanes.values().stream().mapToInt(Lane::waiting).sum();
    }

    private void run(Lane lane, Supplier<CompletableFuture<?>> task) {
        CompletableFuture<?> done;
        try {
            done = task.get();
        }
        catch (RuntimeException ex) {
            done = CompletableFuture.failedFuture(ex);
        }
        done.whenComplete((ignored, ex) -> {
            Supplier<CompletableFuture<?>> next = lane.leave();
            if (next != null) {
                this.executor.execute(() -> run(lane, next));
            }
        });
    }

    private final class Lane {

        private final Queue<Supplier<CompletableFuture<?>>> queue = new ArrayDeque<>();

        private int active;

        synchronized boolean enter(Supplier<CompletableFuture<?>> task) {
            if (this.active < HostLimiter.this.perHost) {
                this.active++;
                return true;
            }
            this.queue.add(task);
            return false;
        }

        /** Hands the permit to the next waiting task, or gives it back. */
        synchronized Supplier<CompletableFuture<?>> leave() {
            Supplier<CompletableFuture<?>> next = this.queue.poll();
            if (next == null) {
                this.active--;
            }
            return next;
        }

        synchronized int waiting() {
            return this.queue.size();
        }

    }

}
