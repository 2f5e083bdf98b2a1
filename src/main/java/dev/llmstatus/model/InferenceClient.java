package dev.llmstatus.model;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one streaming inference request and measures it. Never holds a thread while waiting: the request goes out
 * with {@link HttpClient#sendAsync}, the answer is read by a {@link StreamReader} on the client's threads as bytes
 * arrive, and the deadline is a timer that cancels the exchange. The returned future never fails: every failure is a
 * {@link ModelResult}.
 */
final class InferenceClient {

    static final String PROMPT = "What is 17*23? Reply with the number only.";

    /** Enough for "391" from any tokenizer, with room for a short sentence around it. */
    static final int MAX_TOKENS = 16;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client;

    private final String userAgent;

    private final Clock clock;

    InferenceClient(HttpClient client, String userAgent, Clock clock) {
        this.client = client;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    CompletableFuture<ModelResult> check(ModelTarget target, String key) {
        Instant startedAt = this.clock.instant();
        StreamReader reader = new StreamReader(target.protocol());
        AtomicReference<CompletableFuture<?>> exchange = new AtomicReference<>();
        long start = System.nanoTime();
        CompletableFuture<ModelResult> checking;
        try {
            CompletableFuture<java.net.http.HttpResponse<StreamReader>> sent = this.client
                .sendAsync(request(target, key), reader.handler());
            exchange.set(sent);
            checking = sent.handle((response, failure) -> {
                long end = System.nanoTime();
                Throwable cause = unwrap(failure);
                if (cause != null && reader.status == 0) {
                    return ModelClassifier.unanswered(target, startedAt, end - start, cause);
                }
                return ModelClassifier.answered(target, startedAt, start, end, reader, false, cause, key);
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
            return ModelClassifier.answered(target, startedAt, start, end, reader, true, null, key);
        });
    }

    private HttpRequest request(ModelTarget target, String key) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(target.url())
            .timeout(target.timeout())
            .header("User-Agent", this.userAgent)
            .header("Content-Type", "application/json")
            .header("Accept", "text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body(target))));
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
                body.put("max_tokens", MAX_TOKENS);
                body.put("temperature", 0);
                body.put("stream", true);
            }
            case ANTHROPIC_MESSAGES -> {
                body.put("model", target.id());
                body.put("max_tokens", MAX_TOKENS);
                body.put("temperature", 0);
                body.put("stream", true);
                body.put("messages", messages);
            }
            case GEMINI_GENERATE -> {
                // The model is in the URL; thinking is turned off so that the few output tokens go to the answer.
                body.put("contents", List.of(Map.of("role", "user", "parts", List.of(Map.of("text", PROMPT)))));
                body.put("generationConfig", Map.of("maxOutputTokens", MAX_TOKENS, "temperature", 0,
                        "thinkingConfig", Map.of("thinkingBudget", 0)));
            }
        }
        return body;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

}
