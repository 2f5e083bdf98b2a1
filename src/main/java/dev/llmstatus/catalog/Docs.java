package dev.llmstatus.catalog;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import dev.llmstatus.system.WebUrl;

/**
 * Links to a provider's own documentation and consoles.
 *
 * @param errors error-code reference (always present)
 * @param rateLimits rate-limit documentation, or {@code null}
 * @param console usage and billing console, or {@code null}
 */
public record Docs(@NotNull @WebUrl URI errors, @WebUrl URI rateLimits, @WebUrl URI console) {
}
