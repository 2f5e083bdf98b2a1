package dev.llmstatus.notify;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

import org.springframework.stereotype.Component;

/**
 * POSTs JSON to webhook-style targets with the JDK's non-blocking client: the target is checked against
 * {@link TargetGuard} right before each attempt, redirects are not followed, and every attempt has a deadline.
 */
@Component
class HttpTargets {

    private final HttpClient client;

    private final TargetGuard guard;

    private final NotifyProperties properties;

    private final Executor lookups;

    private final Clock clock;

    HttpTargets(TargetGuard guard, NotifyProperties properties, NotifyExecutors executors, Clock clock) {
        this.guard = guard;
        this.properties = properties;
        this.lookups = executors.io();
        this.clock = clock;
        this.client = HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .executor(executors.io())
            .build();
    }

    CompletableFuture<Attempt> post(String url, String body, Map<String, String> headers) {
        URI uri;
        try {
            uri = this.guard.parse(url);
        }
        catch (TargetGuard.Refused ex) {
            return CompletableFuture.completedFuture(Attempt.refused(ex.getMessage()));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .timeout(this.properties.requestTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "LLMStatus-Notify/1.0")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return CompletableFuture.runAsync(() -> this.guard.checkAddresses(uri), this.lookups)
            .thenCompose((checked) -> this.client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()))
            .handle((response, failure) -> (failure != null) ? failed(failure) : answered(response));
    }

    private Attempt answered(HttpResponse<Void> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Attempt.DELIVERED;
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null);
        return Attempt.retry("HTTP " + status, retryAfter);
    }

    /** Retry-After as seconds or as an HTTP date; {@code null} when it is neither. */
    Duration retryAfter(String value) {
        String text = value.strip();
        try {
            long seconds = Long.parseLong(text);
            return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
        }
        catch (NumberFormatException ex) {
            try {
                Duration wait = Duration.between(this.clock.instant(),
                        ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Attempt failed(Throwable failure) {
        Throwable cause = (failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
                : failure;
        if (cause instanceof TargetGuard.Refused refused) {
            return Attempt.refused(refused.getMessage());
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return Attempt.retry("connect timed out", null);
        }
        if (cause instanceof HttpTimeoutException) {
            return Attempt.retry("no answer in time", null);
        }
        if (cause instanceof ConnectException) {
            return Attempt.retry("connection refused", null);
        }
        return Attempt.retry(cause.getClass().getSimpleName(), null);
    }

}
