package dev.llmstatus.model;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one streaming inference request and measures it. Never holds a thread while waiting: the request goes out
 * with {@link HttpClient#sendAsync}, the answer is read by a {@link StreamReader} as bytes arrive, and the deadline is
 * a timer that cancels the exchange. The returned future never fails: every failure is a {@link ModelResult}.
 * <p>
 * Time to first token runs from the moment the request body is handed to the open connection ({@link TimedBody}) to
 * the moment the bytes carrying the first content token are read: connection set-up is the network's time, and a
 * queue between the socket and the parser would be ours.
 */
final class InferenceClient {

    static final String PROMPT = "What is 17*23? Reply with the number only.";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;

    private final String userAgent;

    private final Clock clock;

    /**
     * The client model checks use. Its executor runs every task where it is handed over: the JDK client hands each
     * read from its selector thread to the executor, so the {@link StreamReader} parses (and stamps) the bytes on the
     * selector thread in the same pass that read them, instead of after a wait in a thread pool's queue. The reader
     * never blocks, and the JDK completes {@link HttpClient#sendAsync}'s future on its own pool, so the recording
     * and classification never run on the selector thread.
     */
    static HttpClient httpClient() {
        return HttpClient.newBuilder()
            .executor(Runnable::run)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    }

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    InferenceClient(HttpClient client, String userAgent, Clock clock) {
        this.client = client;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    CompletableFuture<ModelResult> check(ModelTarget target, String key) {
        Instant startedAt = this.clock.instant();
        StreamReader reader = new StreamReader(target.protocol());
        AtomicReference<CompletableFuture<?>> exchange = new AtomicReference<>();
        TimedBody body = new TimedBody(JSON.writeValueAsString(body(target)));
        long start = System.nanoTime();
        CompletableFuture<ModelResult> checking;
        try {
            CompletableFuture<HttpResponse<StreamReader>> sent = this.client
                .sendAsync(request(target, key, body), reader.handler());
            exchange.set(sent);
            checking = sent.handle((response, failure) -> {
                long end = System.nanoTime();
                Throwable cause = unwrap(failure);
                if (cause != null && reader.status == 0) {
                    return ModelClassifier.unanswered(target, startedAt, end - start, cause);
                }
                return ModelClassifier.answered(target, startedAt, start, body.sentNanos(start), end, reader, false,
                        cause, key);
            });
        }
        catch (RuntimeException ex) {
            checking = CompletableFuture.completedFuture(
                    ModelClassifier.unanswered(target, startedAt, System.nanoTime() - start, ex));
        }
        return checking.orTimeout(target.timeout().toMillis(), TimeUnit.MILLISECONDS).exceptionally((failure) -> {
            long end = System.nanoTime();
            reader.abort();
            CompletableFuture<?> sent = exchange.get();
            if (sent != null) {
                sent.cancel(true);
            }
            Throwable cause = unwrap(failure);
            if (reader.status == 0) {
                return ModelClassifier.unanswered(target, startedAt, end - start,
                        (cause instanceof TimeoutException) ? cause : new TimeoutException());
            }
            return ModelClassifier.answered(target, startedAt, start, body.sentNanos(start), end, reader, true, null,
                    key);
        });
    }

    private HttpRequest request(ModelTarget target, String key, TimedBody body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.url())
            .timeout(target.timeout())
            .header("User-Agent", this.userAgent)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(body);
        if ("http".equalsIgnoreCase(target.url().getScheme())) {
            builder.version(HttpClient.Version.HTTP_1_1);
        }
        switch (target.protocol()) {
            case OPENAI_CHAT -> builder.header("Authorization", "Bearer " + key);
            case ANTHROPIC_MESSAGES -> builder.header("x-api-key", key).header("anthropic-version", "2023-06-01");
            case GEMINI_GENERATE -> builder.header("x-goog-api-key", key);
        }
        return builder.build();
    }

    /** The fixed, cheap question: a short answer, no randomness. */
    static Map<String, Object> body(ModelTarget target) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<Map<String, Object>> messages = List.of(Map.of("role", "user", "content", PROMPT));
        switch (target.protocol()) {
            case OPENAI_CHAT -> {
                body.put("model", target.id());
                body.put("messages", messages);
                body.put("max_tokens", target.maxTokens());
                body.put("temperature", 0);
                body.put("stream", true);
            }
            case ANTHROPIC_MESSAGES -> {
                body.put("model", target.id());
                body.put("max_tokens", target.maxTokens());
                body.put("temperature", 0);
                body.put("stream", true);
                body.put("messages", messages);
            }
            case GEMINI_GENERATE -> {
                // The model is in the URL; thinking is turned off so that the few output tokens go to the answer.
                body.put("contents", List.of(Map.of("role", "user", "parts", List.of(Map.of("text", PROMPT)))));
                body.put("generationConfig", Map.of("maxOutputTokens", target.maxTokens(), "temperature", 0,
                        "thinkingConfig", Map.of("thinkingBudget", 0)));
            }
        }
        return body;
    }

    /**
     * The request's JSON, noting when the client hands its bytes to the connection: the connection is open and the
     * headers are written, so the model's clock starts here. Connection set-up (DNS, TCP, TLS) is the network's time,
     * not the model's, and is left out of the time to first token.
     */
    static final class TimedBody implements HttpRequest.BodyPublisher {

        private final HttpRequest.BodyPublisher body;

        /** {@link System#nanoTime()} when the body was last handed to the connection, or 0 before. */
        private volatile long sentNanos;

        TimedBody(String json) {
            this.body = HttpRequest.BodyPublishers.ofString(json);
        }

        /** When the body was handed to the connection, or {@code otherwise} if it never was (a refused connection). */
        long sentNanos(long otherwise) {
            long sent = this.sentNanos;
            return (sent != 0) ? sent : otherwise;
        }

        @Override
        public long contentLength() {
            return this.body.contentLength();
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            this.body.subscribe(new Flow.Subscriber<ByteBuffer>() {

                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                }

                @Override
                public void onNext(ByteBuffer item) {
                    TimedBody.this.sentNanos = System.nanoTime();
                    subscriber.onNext(item);
                }

                @Override
                public void onError(Throwable throwable) {
                    subscriber.onError(throwable);
                }

                @Override
                public void onComplete() {
                    subscriber.onComplete();
                }

            });
        }

    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

}
