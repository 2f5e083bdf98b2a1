package dev.llmstatus.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One provider's error facts, from {@code errors/providers/<provider>.yml}.
 *
 * @param provider the provider's catalog slug
 * @param errorFormat the shape of its error bodies, one line of Markdown, or {@code null}
 * @param rateLimitHeaders the rate-limit headers it sends
 * @param identifiers strings that give the provider away in a pasted error (hosts, header prefixes, body shapes)
 * @param topics what is specific to it, by topic slug
 */
public record ProviderOverlay(String provider, String errorFormat, List<String> rateLimitHeaders,
        List<String> identifiers, Map<String, ProviderTopic> topics) {

    public ProviderOverlay {
        rateLimitHeaders = List.copyOf(rateLimitHeaders);
        identifiers = List.copyOf(identifiers);
        topics = Map.copyOf(topics);
    }

    public Optional<ProviderTopic> topic(String slug) {
        return Optional.ofNullable(this.topics.get(slug));
    }

}
