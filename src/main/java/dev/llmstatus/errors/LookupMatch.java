package dev.llmstatus.errors;

import java.util.List;
import java.util.Optional;

/**
 * One topic that a pasted error points to.
 *
 * @param topic the topic
 * @param score how strongly the text points to it; only comparable within one lookup
 * @param evidence what was found, as written in the knowledge base ({@code "rate_limit_error"}, {@code "HTTP 429"})
 * @param providerSlug the provider the text identifies, if it identifies exactly one
 */
public record LookupMatch(ErrorTopic topic, int score, List<String> evidence, Optional<String> providerSlug) {

    public LookupMatch {
        evidence = List.copyOf(evidence);
    }

}
