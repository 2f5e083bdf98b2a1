package dev.llmstatus.errors;

import jakarta.validation.constraints.NotBlank;

/**
 * Complete retry snippets shown on every error page: exponential backoff with full jitter that honours
 * {@code retry-after} and {@code retry-after-ms} and never retries quota errors.
 *
 * @param java Java, with {@code java.net.http.HttpClient}
 * @param python Python, with httpx
 * @param javascript JavaScript with {@code fetch}, or {@code null}
 */
public record RetryExamples(@NotBlank String java, @NotBlank String python, String javascript) {
}
