package dev.llmstatus.web;

import java.util.List;
import java.util.Optional;

import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.errors.LookupMatch;
import dev.llmstatus.errors.ProviderErrorPage;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusSnapshot;

/**
 * One topic a pasted error points to, as the lookup page shows it.
 *
 * @param page the provider's page for the topic when the text named a provider it applies to, else the topic's
 * general page
 * @param provider the provider the text came from, or {@code null} when it does not say
 * @param path where to read more: the provider's page for the topic, or the topic across providers
 * @param evidence what in the text pointed to the topic
 * @param seenNow whether our prober sees this error from the provider right now ({@code false} without a provider)
 */
record LookupResult(ProviderErrorPage page, ProviderState provider, String path, List<String> evidence,
        boolean seenNow) {

    LookupResult {
        evidence = List.copyOf(evidence);
    }

    static LookupResult of(LookupMatch match, KnowledgeBase knowledgeBase, StatusSnapshot snapshot) {
        String topic = match.topic().slug();
        Optional<ProviderState> provider = match.providerSlug().flatMap(snapshot::provider);
        Optional<ProviderErrorPage> page = provider.flatMap((state) -> knowledgeBase.page(state.slug(), topic));
        if (provider.isPresent() && page.isPresent()) {
            ErrorPageView view = ErrorPageView.of(page.get(), provider.get(), snapshot);
            return new LookupResult(page.get(), provider.get(), Links.error(provider.get().slug(),
                    topic), match.evidence(), view.seenNow());
        }
        return new LookupResult(knowledgeBase.generalPage(topic).orElseThrow(), provider.orElse(null),
                Links.topic(topic), match.evidence(), false);
    }

}
