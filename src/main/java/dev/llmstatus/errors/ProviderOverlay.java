package dev.llmstatus.errors;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import dev.llmstatus.system.Distinct;

/**
 * One provider's error facts, from {@code errors/providers/<provider>.yml}.
 *
 * @param provider the provider's catalog slug
 * @param errorFormat the shape of its error bodies, one line of Markdown, or {@code null}
 * @param rateLimitHeaders the rate-limit headers it sends
 * @param identifiers strings that give the provider away in a pasted error (hosts, header prefixes, body shapes)
 * @param topics what is specific to it, by topic slug
 * @param example how its retry examples call its API, or {@code null} when its API speaks none of the protocols
 */
public record ProviderOverlay(@NotBlank String provider, String errorFormat,
        @Distinct List<@NotBlank String> rateLimitHeaders, @Distinct List<@NotBlank String> identifiers,
        Map<String, @Valid ProviderTopic> topics, @Valid ApiExample example) {

    public ProviderOverlay {
        rateLimitHeaders = ErrorTopic.copy(rateLimitHeaders);
        identifiers = ErrorTopic.copy(identifiers);
        topics = (topics != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(topics)) : Map.of();
    }

    public Optional<ProviderTopic> topic(String slug) {
        return Optional.ofNullable(this.topics.get(slug));
    }

}
