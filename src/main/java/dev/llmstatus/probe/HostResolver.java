package dev.llmstatus.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Looks host names up before a probe, with a deadline. The JDK resolver blocks its thread for as long as the
 * system resolver takes (seconds per attempt when no name server answers); doing the lookup here, on a few
 * dedicated threads and with one lookup per host at a time, bounds how long a probe can spend on DNS. The HTTP client
 * then finds the address in the JDK's own cache.
 */
final class HostResolver {

    private final Executor executor;

    private final Duration timeout;

    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    HostResolver(Executor executor, Duration timeout) {
        this.executor = executor;
        this.timeout = timeout;
    }

    CompletableFuture<Void> resolve(String host) {
        if (host == null || literal(host)) {
            return CompletableFuture.completedFuture(null);
        }
        return this.inFlight.computeIfAbsent(host, (name) -> {
            CompletableFuture<Void> lookup = CompletableFuture.runAsync(() -> lookup(name), this.executor);
            lookup.whenComplete((ignored, ex) -> this.inFlight.remove(name));
            return lookup;
        })
            .copy()
            .orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionallyCompose((ex) -> CompletableFuture.failedFuture(
                    (ex.getCause() instanceof UnknownHostException unknown) ? unknown
                            : new UnknownHostException(host + ": no answer within " + this.timeout.toMillis() + " ms")));
    }

    private static void lookup(String host) {
        try {
            InetAddress.getAllByName(host);
        }
        catch (UnknownHostException ex) {
            throw new CompletionException(ex);
        }
    }

    private static boolean literal(String host) {
        return host.startsWith("[") || host.chars().allMatch((c) -> Character.isDigit(c) || c == '.');
    }

}
