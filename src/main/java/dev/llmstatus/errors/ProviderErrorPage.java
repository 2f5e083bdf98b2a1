package dev.llmstatus.errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.llmstatus.catalog.Provider;

/**
 * One provider's page for one error topic, ready to serve: the topic merged with the provider's overlay,
 * {@code {provider}} replaced by the provider's name and every Markdown field rendered to safe HTML. Fields ending
 * in {@code Html} may be inserted unescaped; all others are plain text.
 *
 * @param providerSlug the provider's catalog slug, or {@code null} on the general page of a topic
 * @param providerName the provider's display name ("the provider" on the general page)
 * @param topic the topic as written, for its slug, code, statuses, report type and probe outcomes
 * @param headline "StepFun: Rate limit exceeded (429)"; "Rate limit exceeded (429)" on the general page
 * @param summary one sentence without markup, for meta descriptions
 * @param summaryHtml the same sentence rendered inline
 * @param meaningHtml what the error means, rendered paragraphs
 * @param signatures strings people paste without duplicates: the provider's own first, then those no provider owns,
 * never another provider's; on the general page every provider's codes and strings, then the neutral ones
 * @param causesHtml causes, each rendered inline
 * @param fixesHtml fixes in order, each rendered inline
 * @param retryAdviceHtml when and how retrying helps, rendered inline
 * @param faq questions and answers
 * @param specifics what is particular to this provider; empty lists and nulls when it has no overlay entry
 * @param retryExamples complete retry code calling this provider's API (on the general page, a placeholder API)
 */
public record ProviderErrorPage(String providerSlug, String providerName, ErrorTopic topic, String headline,
        String summary, String summaryHtml, String meaningHtml, List<String> signatures, List<String> causesHtml,
        List<String> fixesHtml, String retryAdviceHtml, List<Faq> faq, Specifics specifics,
        RetryExamples retryExamples) {

    private static final String GENERAL_NAME = "the provider";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{provider\\}");

    /** Stands for a link to the provider's official status page in causes, fixes and FAQ answers. */
    static final String STATUS_PAGE = "{statusPage}";

    private static final Pattern SENTENCE_START = Pattern.compile("(?:\\A|[.!?\\n])[\\s\"*_]*\\z");

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

    static ProviderErrorPage render(Provider provider, ErrorTopic topic, ProviderOverlay overlay, RetryExamples retry,
            Markdown markdown) {
        String statusPage = provider.statusPage().exists()
                ? "[" + provider.name() + "'s official status page](" + provider.statusPage().url() + ")" : null;
        List<String> own = (overlay != null)
                ? overlay.topic(topic.slug()).map(ProviderTopic::signatures).orElse(List.of()) : List.of();
        return render(provider.slug(), provider.name(), provider.name() + ": ", topic, overlay, own,
                (text) -> text.replace("{provider}", provider.name()), statusPage, retry, markdown);
    }

    /**
     * The topic as no provider in particular says it, for pages about the error across providers:
     * {@code {provider}} reads "the provider" and the page has no provider slug and no specifics.
     */
    static ProviderErrorPage renderGeneral(ErrorTopic topic, Collection<ProviderOverlay> overlays, RetryExamples retry,
            Markdown markdown) {
        List<String> everyones = overlays.stream()
            .flatMap((overlay) -> overlay.topic(topic.slug()).stream())
            .flatMap((own) -> Stream.concat(own.codes().stream(), own.signatures().stream()))
            .toList();
        return render(null, GENERAL_NAME, "", topic, null, everyones, ProviderErrorPage::general,
                GENERAL_NAME + "'s official status page", retry, markdown);
    }

    private static String general(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (matcher.find()) {
            boolean sentenceStart = SENTENCE_START.matcher(text.substring(0, matcher.start())).find();
            matcher.appendReplacement(out, sentenceStart ? "The provider" : GENERAL_NAME);
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * @param statusPage a Markdown link to the provider's official status page, or {@code null} when it has none:
     * then every cause, fix and FAQ answer that points to it ({@code {statusPage}}) is left out
     */
    private static ProviderErrorPage render(String slug, String name, String headlinePrefix, ErrorTopic topic,
            ProviderOverlay overlay, List<String> firstSignatures, UnaryOperator<String> named, String statusPage,
            RetryExamples retry, Markdown markdown) {
        Predicate<String> shown = (text) -> statusPage != null || !text.contains(STATUS_PAGE);
        UnaryOperator<String> said = (text) -> named.apply(
                (statusPage != null) ? text.replace(STATUS_PAGE, statusPage) : text);
        ProviderTopic own = (overlay != null) ? overlay.topic(topic.slug()).orElse(ProviderTopic.NONE)
                : ProviderTopic.NONE;
        String summary = named.apply(topic.summary());
        List<Faq> faq = topic.faq().stream()
            .filter((entry) -> shown.test(entry.a()))
            .map((entry) -> new Faq(markdown.plain(named.apply(entry.q())), markdown.inline(said.apply(entry.a())),
                    markdown.plain(said.apply(entry.a()))))
            .toList();
        Specifics specifics = new Specifics(own.httpStatus(), own.codes(), own.signatures(), own.headers(),
                (own.notes() != null) ? markdown.block(named.apply(own.notes())) : null,
                (overlay != null && overlay.errorFormat() != null) ? markdown.inline(overlay.errorFormat()) : null,
                (overlay != null) ? overlay.rateLimitHeaders() : List.of());
        return new ProviderErrorPage(slug, name, topic, headlinePrefix + topic.title() + " (" + topic.code() + ")",
                markdown.plain(summary),
                markdown.inline(summary), markdown.block(named.apply(topic.meaning())),
                merged(firstSignatures, topic.signatures()), inline(topic.causes(), shown, said, markdown),
                inline(topic.fixes(), shown, said, markdown), markdown.inline(named.apply(topic.retry().advice())), faq,
                specifics, retry);
    }

    private static List<String> inline(List<String> items, Predicate<String> shown, UnaryOperator<String> said,
            Markdown markdown) {
        return items.stream().filter(shown).map((item) -> markdown.inline(said.apply(item))).toList();
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
