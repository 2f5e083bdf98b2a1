package dev.llmstatus.errors;

/**
 * Complete retry snippets for one provider's API, shown on its error pages: exponential backoff with full jitter that
 * honours {@code retry-after} and {@code retry-after-ms} and never retries quota errors, calling that provider's base
 * URL with its model and key variable.
 *
 * @param java Java, with {@code java.net.http.HttpClient}
 * @param python Python, with httpx
 * @param javascript JavaScript with {@code fetch}, or {@code null}
 */
public record RetryExamples(String java, String python, String javascript) {
}
