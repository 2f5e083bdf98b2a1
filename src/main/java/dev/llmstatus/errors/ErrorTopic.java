package dev.llmstatus.errors;

import java.util.List;
import java.util.Set;

import dev.llmstatus.probe.Outcome;
import dev.llmstatus.report.ReportType;

/**
 * One error explainer topic, provider-neutral, as written in {@code errors/topics/<slug>.yml}. Text fields are
 * Markdown in which {@code {provider}} stands for the provider's name; {@link ProviderErrorPage} carries them
 * rendered for one provider.
 *
 * @param slug URL key and file name
 * @param code the code shown in headlines ({@code 429}, {@code 429/402}, {@code slow})
 * @param aliases short URL forms that redirect to the slug
 * @param title the error's name
 * @param httpStatuses the HTTP statuses this topic covers, possibly none
 * @param appliesTo which providers get a page for this topic
 * @param reportType the community report type that counts toward this topic
 * @param probeOutcomes the probe classifications that mean "our prober sees this error too"
 * @param summary one sentence for lists and meta descriptions
 * @param meaning what the error means, one to three paragraphs
 * @param signatures exact strings people paste, provider-neutral
 * @param causes usual causes
 * @param fixes fixes, in the order to try them
 * @param retry whether and how retrying helps
 * @param faq questions and answers
 */
public record ErrorTopic(String slug, String code, List<String> aliases, String title, List<Integer> httpStatuses,
        AppliesTo appliesTo, ReportType reportType, Set<Outcome> probeOutcomes, String summary, String meaning,
        List<String> signatures, List<String> causes, List<String> fixes, Retry retry, List<Question> faq) {

    public ErrorTopic {
        aliases = List.copyOf(aliases);
        httpStatuses = List.copyOf(httpStatuses);
        probeOutcomes = Set.copyOf(probeOutcomes);
        signatures = List.copyOf(signatures);
        causes = List.copyOf(causes);
        fixes = List.copyOf(fixes);
        faq = List.copyOf(faq);
    }

    /**
     * Whether a probe that ended with this outcome and status shows this error. A probe without an HTTP answer
     * (timeout, reset) counts as a gateway timeout.
     */
    public boolean matchesProbe(Outcome outcome, Integer httpStatus) {
        if (outcome == null || !this.probeOutcomes.contains(outcome)) {
            return false;
        }
        if (this.httpStatuses.isEmpty()) {
            return true;
        }
        return this.httpStatuses.contains((httpStatus != null) ? httpStatus : 504);
    }

    /** Which providers get a page for a topic. */
    public enum AppliesTo {

        /** Every provider in the catalog. */
        ALL,

        /** Only providers whose overlay has an entry for the topic. */
        OVERLAY

    }

    /** Whether retrying the same request can succeed. */
    public enum RetryHelps {

        YES, NO, SOMETIMES

    }

    /**
     * Retry guidance.
     *
     * @param helps whether retrying helps
     * @param advice when and how, Markdown
     */
    public record Retry(RetryHelps helps, String advice) {
    }

    /**
     * One FAQ entry, Markdown.
     *
     * @param q the question
     * @param a the answer
     */
    public record Question(String q, String a) {
    }

}
