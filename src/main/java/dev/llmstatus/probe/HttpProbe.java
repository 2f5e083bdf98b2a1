package dev.llmstatus.probe;

import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.ResponseInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLSession;

import dev.llmstatus.catalog.CheckDefinition;
import dev.llmstatus.catalog.CheckKind;
import dev.llmstatus.catalog.ProbeDefinition;

/**
 * The {@link CheckKind#FRONT_DOOR} check: one request without credentials, read at most 64 KiB of the answer, classify it. Fully
 * asynchronous: no thread waits for the answer. The component's timeout is a total deadline for lookup, connect,
 * headers and body together; when it passes, the request and its body subscription are cancelled.
 */
@ProbingComponent
final class HttpProbe implements Check {

    static final int BODY_LIMIT = 64 * 1024;

    private final HttpClient client;

    private final HostResolver resolver;

    private final String userAgent;

    private final Clock clock;

    HttpProbe(HttpClient probeHttpClient, HostResolver resolver, ProbeProperties properties, Clock clock) {
        this.client = probeHttpClient;
        this.resolver = resolver;
        this.userAgent = properties.userAgent();
        this.clock = clock;
    }

    @Override
    public CheckKind kind() {
        return CheckKind.FRONT_DOOR;
    }

    /** Never completes exceptionally: every failure becomes a {@link Outcome#DOWN} result. */
    @Override
    public CompletableFuture<ProbeResult> run(String provider, String key, CheckDefinition checked) {
        ProbeDefinition definition = (ProbeDefinition) checked;
        Instant startedAt = this.clock.instant();
        long start = System.nanoTime();
        // Latency counts from when the request went out, not from when we started looking the host up: time spent
        // in our own resolver and queues says nothing about the provider.
        AtomicLong sentAt = new AtomicLong();
        CappedBody body = new CappedBody(BODY_LIMIT);
        AtomicReference<CompletableFuture<?>> exchange = new AtomicReference<>();
        CompletableFuture<HttpResponse<CappedBody.Bytes>> answer;
        try {
            HttpRequest request = request(definition);
            answer = this.resolver.resolve(definition.url().getHost()).thenCompose((ignored) -> {
                sentAt.set(System.nanoTime());
                CompletableFuture<HttpResponse<CappedBody.Bytes>> sent = this.client.sendAsync(request,
                        CappedBody.handler(body));
                exchange.set(sent);
                return sent;
            });
        }
        catch (RuntimeException ex) {
            answer = CompletableFuture.failedFuture(ex);
        }
        return answer.handle((response, failure) -> {
            Duration latency = since(sentAt, start);
            if (failure != null) {
                ResponseInfo info = body.info();
                return ProbeClassifier.failure(provider, key, startedAt, latency,
                        (info != null) ? info.statusCode() : null, (info != null) ? contentType(info) : null, failure);
            }
            return ProbeClassifier.answer(provider, key, startedAt, definition,
                    new ProbeClassifier.Answer(response.statusCode(), latency, contentType(response),
                            response.headers().firstValue("Retry-After").orElse(null),
                            response.sslSession().map(SSLSession::getProtocol).orElse(null), response.body().bytes(),
                            response.body().truncated()));
        })
            .orTimeout(definition.timeout().toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally((ex) -> {
                body.abort();
                CompletableFuture<?> sent = exchange.get();
                if (sent != null) {
                    sent.cancel(true);
                }
                ResponseInfo info = body.info();
                return ProbeClassifier.failure(provider, key, startedAt, since(sentAt, start),
                        (info != null) ? info.statusCode() : null, (info != null) ? contentType(info) : null,
                        neverConnected(unwrap(ex), sentAt.get(), info));
            });
    }

    /**
     * Measured while we were behind, a slow answer is no evidence of a slow provider: the expected status came, so the
     * front door works (up, with the reason in the detail). A timeout is no evidence either when our own stall ate
     * so much of the wait that the provider had less than the slow threshold of our attention. Every other outcome
     * (an error status, a refused connection, a timeout the stall does not explain) is the provider's answer whatever
     * our load, and stands, marked.
     */
    @Override
    public ProbeResult underLoad(ProbeResult result, CheckDefinition checked, Duration stalled) {
        ProbeDefinition definition = (ProbeDefinition) checked;
        if (result.outcome() == Outcome.DEGRADED) {
            return result.underLoad(Outcome.UP, "HTTP " + result.httpStatus() + " in "
                    + ProbeClassifier.millis(result.latency()) + ", measured while our prober was under load "
                    + "(not counted as slow)");
        }
        if (result.errorClass() == ErrorClass.TIMEOUT
                && result.latency().minus(stalled).compareTo(definition.latencyThreshold()) <= 0) {
            return null;
        }
        return Check.super.underLoad(result, checked, stalled);
    }

    private static Duration since(AtomicLong sentAt, long start) {
        long sent = sentAt.get();
        return Duration.ofNanos(System.nanoTime() - ((sent != 0) ? sent : start));
    }

    /**
     * A deadline that passed before the request could have connected is a failure to reach the provider, not a
     * provider too slow to answer: still looking the name up is a DNS failure, and a request sent less than the
     * connect timeout ago with no status line yet may still be connecting.
     */
    private Throwable neverConnected(Throwable failure, long sentAt, ResponseInfo info) {
        if (!(failure instanceof TimeoutException) || info != null) {
            return failure;
        }
        if (sentAt == 0) {
            return new UnknownHostException("no address within the deadline");
        }
        Duration connectTimeout = this.client.connectTimeout().orElse(Duration.ZERO);
        if (System.nanoTime() - sentAt < connectTimeout.toNanos()) {
            return new HttpConnectTimeoutException("no connection within the deadline");
        }
        return failure;
    }

    /** The failure inside the {@link CompletionException}s that asynchronous stages wrap around it. */
    static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private HttpRequest request(ProbeDefinition definition) {
        URI url = definition.url();
        HttpRequest.BodyPublisher publisher = "POST".equals(definition.method())
                ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody();
        HttpRequest.Builder builder = HttpRequest.newBuilder(url)
            .timeout(definition.timeout())
            .header("User-Agent", this.userAgent)
            .header("Accept", "application/json, text/html;q=0.9, */*;q=0.8")
            .method(definition.method(), publisher);
        if ("http".equalsIgnoreCase(url.getScheme())) {
            // HTTP/2 comes from TLS negotiation; asking plain-HTTP servers for an h2c upgrade only costs a round trip
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        if ("POST".equals(definition.method())) {
            builder.header("Content-Type", "application/json");
        }
        return builder.build();
    }

    private static String contentType(ResponseInfo info) {
        return info.headers().firstValue("Content-Type").orElse(null);
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

}
