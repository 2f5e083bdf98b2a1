package dev.llmstatus.notify;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * At most so many sends in flight per host; the rest wait in that host's line, so a slow or hanging host fills
 * only its own line and never holds up another. Nothing blocks: a finished send starts the next one waiting.
 */
final class HostLanes {

    private final int perHost;

    private final Executor handOff;

    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param perHost most sends in flight to one host
     * @param handOff where the next waiting send is started, so that a chain of quick failures never nests
     */
    HostLanes(int perHost, Executor handOff) {
        this.perHost = perHost;
        this.handOff = handOff;
    }

    <T> CompletableFuture<T> submit(String host, Supplier<CompletableFuture<T>> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable start = () -> {
            CompletableFuture<T> sent;
            try {
                sent = task.get();
            }
            catch (RuntimeException ex) {
                sent = CompletableFuture.failedFuture(ex);
            }
            sent.whenComplete((value, failure) -> {
                done(host);
                if (failure != null) {
                    result.completeExceptionally(failure);
                }
                else {
                    result.complete(value);
                }
            });
        };
        boolean[] now = new boolean[1];
        this.lanes.compute(host, (key, lane) -> {
            Lane current = (lane != null) ? lane : new Lane();
            if (current.running < this.perHost) {
                current.running++;
                now[0] = true;
            }
            else {
                current.waiting.add(start);
                current.waitingSize = current.waiting.size();
            }
            return current;
        });
        if (now[0]) {
            start.run();
        }
        return result;
    }

    /** Hosts with at least {@code waiting} sends waiting for a free slot. */
    Set<String> congested(int waiting) {
        return this.lanes.entrySet()
            .stream()
            .filter((entry) -> entry.getValue().waitingCount() >= waiting)
            .map(ConcurrentHashMap.Entry::getKey)
            .collect(Collectors.toSet());
    }

    private void done(String host) {
        Runnable[] next = new Runnable[1];
        this.lanes.compute(host, (key, lane) -> {
            next[0] = lane.waiting.poll();
            lane.waitingSize = lane.waiting.size();
            if (next[0] == null) {
                lane.running--;
                return (lane.running == 0) ? null : lane;
            }
            return lane;
        });
        if (next[0] != null) {
            this.handOff.execute(next[0]);
        }
    }

    /** One host's line; guarded by the map's lock on its key. */
    private static final class Lane {

        private int running;

        private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();

        private volatile int waitingSize;

        int waitingCount() {
            return this.waitingSize;
        }

    }

}
