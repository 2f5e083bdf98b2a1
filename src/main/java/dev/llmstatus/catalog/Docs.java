package dev.llmstatus.catalog;

import java.net.URI;

/**
 * Links to a provider's own documentation and consoles.
 *
 * @param errors error-code reference (always present)
 * @param rateLimits rate-limit documentation, or {@code null}
 * @param console usage and billing console, or {@code null}
 */
public record Docs(URI errors, URI rateLimits, URI console) {
}
