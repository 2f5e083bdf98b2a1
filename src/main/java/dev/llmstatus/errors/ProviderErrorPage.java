package dev.llmstatus.errors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.llmstatus.catalog.Provider;

/**
 * One provider's page for one error topic, ready to serve: the topic merged with the provider's overlay,
 * {@code {provider}} replaced by the provider's name and every Markdown field rendered to safe HTML. Fields ending
 * in {@code Html} may be inserted unescaped; all others are plain text.
 *
 * @param providerSlug the provider's catalog slug
 * @param providerName the provider's display name
 * @param topic the topic as written, for its slug, code, statuses, report type and probe outcomes
 * @param headline "StepFun: Rate limit exceeded (429)"
 * @param summary one sentence without markup, for meta descriptions
 * @param summaryHtml the same sentence rendered inline
 * @param meaningHtml what the error means, rendered paragraphs
 * @param signatures strings people paste, the provider's own first, without duplicates
 * @param causesHtml causes, each rendered inline
 * @param fixesHtml fixes in order, each rendered inline
 * @param retryAdviceHtml when and how retrying helps, rendered inline
 * @param faq questions and answers
 * @param specifics what is particular to this provider; empty lists and nulls when it has no overlay entry
 */
public record ProviderErrorPage(String providerSlug, String providerName, ErrorTopic topic, String headline,
        String summary, String summaryHtml, String meaningHtml, List<String> signatures, List<String> causesHtml,
        List<String> fixesHtml, String retryAdviceHtml, List<Faq> faq, Specifics specifics) {

    public ProviderErrorPage {
        signatures = List.copyOf(signatures);
        causesHtml = List.copyOf(causesHtml);
        fixesHtml = List.copyOf(fixesHtml);
        faq = List.copyOf(faq);
    }

    public String slug() {
        return this.topic.slug();
    }

    public String code() {
        return this.topic.code();
    }

    public String title() {
        return this.topic.title();
    }

    public ErrorTopic.RetryHelps retryHelps() {
        return this.topic.retry().helps();
    }

    static ProviderErrorPage render(Provider provider, ErrorTopic topic, ProviderOverlay overlay, Markdown markdown) {
        UnaryOperator<String> named = (text) -> text.replace("{provider}", provider.name());
        ProviderTopic own = (overlay != null) ? overlay.topic(topic.slug()).orElse(ProviderTopic.NONE)
                : ProviderTopic.NONE;
        String summary = named.apply(topic.summary());
        List<Faq> faq = topic.faq().stream()
            .map((entry) -> new Faq(markdown.plain(named.apply(entry.q())), markdown.inline(named.apply(entry.a())),
                    markdown.plain(named.apply(entry.a()))))
            .toList();
        Specifics specifics = new Specifics(own.httpStatus(), own.codes(), own.signatures(), own.headers(),
                (own.notes() != null) ? markdown.block(named.apply(own.notes())) : null,
                (overlay != null && overlay.errorFormat() != null) ? markdown.inline(overlay.errorFormat()) : null,
                (overlay != null) ? overlay.rateLimitHeaders() : List.of());
        return new ProviderErrorPage(provider.slug(), provider.name(), topic,
                provider.name() + ": " + topic.title() + " (" + topic.code() + ")", markdown.plain(summary),
                markdown.inline(summary), markdown.block(named.apply(topic.meaning())),
                merged(own.signatures(), topic.signatures()), inline(topic.causes(), named, markdown),
                inline(topic.fixes(), named, markdown), markdown.inline(named.apply(topic.retry().advice())), faq,
                specifics);
    }

    private static List<String> inline(List<String> items, UnaryOperator<String> named, Markdown markdown) {
        return items.stream().map((item) -> markdown.inline(named.apply(item))).toList();
    }

    private static List<String> merged(List<String> first, List<String> then) {
        Map<String, String> unique = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(first);
        all.addAll(then);
        for (String signature : all) {
            unique.putIfAbsent(signature.toLowerCase(Locale.ROOT), signature);
        }
        return List.copyOf(unique.values());
    }

    /**
     * One FAQ entry.
     *
     * @param question plain text
     * @param answerHtml rendered inline
     * @param answerText plain text, for structured data
     */
    public record Faq(String question, String answerHtml, String answerText) {
    }

    /**
     * What is particular to the provider.
     *
     * @param httpStatus the status it sends for this error, or {@code null}
     * @param codes its own codes and types for this error
     * @param signatures its own strings for this error
     * @param headers headers that matter for this error
     * @param notesHtml rendered notes, or {@code null}
     * @param errorFormatHtml the shape of its error bodies, rendered inline, or {@code null}
     * @param rateLimitHeaders the rate-limit headers it sends
     */
    public record Specifics(Integer httpStatus, List<String> codes, List<String> signatures, List<String> headers,
            String notesHtml, String errorFormatHtml, List<String> rateLimitHeaders) {

        public Specifics {
            codes = List.copyOf(codes);
            signatures = List.copyOf(signatures);
            headers = List.copyOf(headers);
            rateLimitHeaders = List.copyOf(rateLimitHeaders);
        }

        /** True when the provider's overlay says anything about this topic. */
        public boolean present() {
            return this.httpStatus != null || !this.codes.isEmpty() || !this.signatures.isEmpty()
                    || !this.headers.isEmpty() || this.notesHtml != null;
        }

    }

}
