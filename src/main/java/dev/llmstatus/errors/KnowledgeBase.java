package dev.llmstatus.errors;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Provider;

/**
 * The validated, immutable error knowledge base, with every provider's pages rendered once at start-up so that
 * pages are served from memory.
 */
public final class KnowledgeBase {

    private final List<ErrorTopic> topics;

    private final Map<String, ErrorTopic> bySlugOrAlias;

    private final Map<String, ProviderOverlay> overlays;

    private final Map<String, List<ProviderErrorPage>> pages;

    private final Map<ErrorTopic, ProviderErrorPage> general;

    /** Where the retry examples on pages about no provider in particular send their request. */
    private static final URI GENERAL_BASE_URL = URI.create("https://api.example.com/v1");

    KnowledgeBase(List<ErrorTopic> topics, List<ProviderOverlay> overlays, RetryTemplates retryTemplates,
            Catalog catalog) {
        this.topics = topics.stream().sorted(Comparator.comparingInt(KnowledgeBase::leadingNumber)
            .thenComparing(ErrorTopic::slug)).toList();
        Map<String, ErrorTopic> index = new HashMap<>();
        for (ErrorTopic topic : this.topics) {
            index.put(topic.slug(), topic);
            topic.aliases().forEach((alias) -> index.put(alias, topic));
        }
        this.bySlugOrAlias = Map.copyOf(index);
        Map<String, ProviderOverlay> overlayIndex = new TreeMap<>();
        overlays.forEach((overlay) -> overlayIndex.put(overlay.provider(), overlay));
        this.overlays = Collections.unmodifiableMap(overlayIndex);
        Markdown markdown = new Markdown();
        RetryExamples generalRetry = retryTemplates.render(GENERAL_BASE_URL, ApiExample.GENERAL);
        Map<String, List<ProviderErrorPage>> rendered = new HashMap<>();
        for (Provider provider : catalog.providers()) {
            ProviderOverlay overlay = overlayIndex.get(provider.slug());
            // without an example of its own, a placeholder API beats a guess at its endpoint
            RetryExamples retry = (overlay != null && overlay.example() != null)
                    ? retryTemplates.render(provider.apiBaseUrl(), overlay.example()) : generalRetry;
            List<ProviderErrorPage> providerPages = new ArrayList<>();
            for (ErrorTopic topic : this.topics) {
                if (applies(topic, overlay)) {
                    providerPages.add(ProviderErrorPage.render(provider, topic, overlay, retry, markdown));
                }
            }
            rendered.put(provider.slug(), List.copyOf(providerPages));
        }
        this.pages = Map.copyOf(rendered);
        Map<ErrorTopic, ProviderErrorPage> generalPages = new HashMap<>();
        this.topics.forEach((topic) -> generalPages.put(topic,
                ProviderErrorPage.renderGeneral(topic, overlayIndex.values(), generalRetry, markdown)));
        this.general = Map.copyOf(generalPages);
    }

    /**
     * The knowledge base bundled under {@code src/main/resources/errors}, for tests in other packages that need a
     * real one; the application gets it as a bean.
     * @throws KnowledgeBaseException when a file is invalid
     */
    public static KnowledgeBase bundled(Catalog catalog) {
        return KnowledgeBaseLoader.load(KnowledgeBaseLoader.DEFAULT_LOCATION, catalog, true);
    }

    /** All topics, ordered by their leading status code, then slug. */
    public List<ErrorTopic> topics() {
        return this.topics;
    }

    /** The topic with this slug or alias, ignoring case. */
    public Optional<ErrorTopic> topic(String slugOrAlias) {
        return Optional.ofNullable((slugOrAlias != null) ? this.bySlugOrAlias.get(key(slugOrAlias)) : null);
    }

    /** True when this names a topic by an alias rather than its slug, so the URL should redirect to the slug. */
    public boolean isAlias(String slugOrAlias) {
        return topic(slugOrAlias).map((topic) -> !topic.slug().equals(slugOrAlias)).orElse(false);
    }

    /** The provider's pages in topic order: every topic that applies to all, and those its overlay lists. */
    public List<ProviderErrorPage> pagesFor(String providerSlug) {
        return this.pages.getOrDefault(providerSlug, List.of());
    }

    /** One provider's page for a topic given by slug or alias; empty when either is unknown or it does not apply. */
    public Optional<ProviderErrorPage> page(String providerSlug, String topicSlugOrAlias) {
        return topic(topicSlugOrAlias).flatMap((topic) -> pagesFor(providerSlug).stream()
            .filter((page) -> page.topic().equals(topic))
            .findFirst());
    }

    /**
     * A topic's page as no provider in particular says it, for pages about the error across providers; empty when
     * the slug or alias is unknown.
     */
    public Optional<ProviderErrorPage> generalPage(String topicSlugOrAlias) {
        return topic(topicSlugOrAlias).map(this.general::get);
    }

    public Optional<ProviderOverlay> overlay(String providerSlug) {
        return Optional.ofNullable(this.overlays.get(providerSlug));
    }

    /** All overlays, by provider slug. */
    public List<ProviderOverlay> overlays() {
        return List.copyOf(this.overlays.values());
    }

    static boolean applies(ErrorTopic topic, ProviderOverlay overlay) {
        return topic.appliesTo() == ErrorTopic.AppliesTo.ALL
                || (overlay != null && overlay.topic(topic.slug()).isPresent());
    }

    private static String key(String slugOrAlias) {
        return slugOrAlias.strip().toLowerCase(Locale.ROOT);
    }

    private static int leadingNumber(ErrorTopic topic) {
        String code = topic.code();
        int end = 0;
        while (end < code.length() && Character.isDigit(code.charAt(end))) {
            end++;
        }
        return (end > 0) ? Integer.parseInt(code.substring(0, end)) : Integer.MAX_VALUE;
    }

}
