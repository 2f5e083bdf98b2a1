package dev.llmstatus.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A part of a provider that we probe on its own ("API", "Website").
 *
 * @param key unique within the provider, lowercase letters, digits and dashes
 * @param name display name
 * @param officialComponent the name of the matching component on the official status page, or {@code null}
 * @param probe how we check it
 */
public record Component(@NotBlank @Pattern(regexp = Catalog.KEY, message = Catalog.KEY_RULE) String key,
        @NotBlank String name, String officialComponent, @NotNull @Valid ProbeDefinition probe) {
}
