package dev.llmstatus.probe;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import dev.llmstatus.system.DaemonThreads;


/**
 * The prober's threads, a fixed and small number whatever the size of the catalog: a timer, workers that take locks
 * and start requests, the HTTP client's completion threads, and name lookups (the one blocking call the JDK has).
 */
final class ProbeExecutors implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("probe-timer"));

    private final ExecutorService workers;

    private final ExecutorService http;

    private final ExecutorService dns;

    ProbeExecutors(int workerThreads) {
        this.workers = Executors.newFixedThreadPool(workerThreads, DaemonThreads.named("probe-worker"));
        this.http = Executors.newFixedThreadPool(Math.max(2, workerThreads), DaemonThreads.named("probe-http"));
        this.dns = Executors.newFixedThreadPool(Math.max(2, workerThreads / 2), DaemonThreads.named("probe-dns"));
    }

    ScheduledExecutorService timer() {
        return this.timer;
    }

    ExecutorService workers() {
        return this.workers;
    }

    ExecutorService http() {
        return this.http;
    }

    ExecutorService dns() {
        return this.dns;
    }

    @Override
    public void close() {
        this.timer.shutdownNow();
        this.workers.shutdownNow();
        this.http.shutdownNow();
        this.dns.shutdownNow();
    }

}
