package dev.llmstatus.errors;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.llmstatus.system.Distinct;
import dev.llmstatus.system.StatusCode;

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
 * @param reportType the name of the community report type that counts toward this topic ({@code RATE_LIMITS}); the
 * knowledge base sits beside the reports and does not know their types, the pages that join both map it
 * @param probeOutcomes the names of the probe outcomes that mean "our prober sees this error too"
 * ({@code RATE_LIMITED}), mapped in the same way
 * @param summary one sentence for lists and meta descriptions
 * @param meaning what the error means, one to three paragraphs
 * @param signatures exact strings people paste, provider-neutral
 * @param causes usual causes
 * @param fixes fixes, in the order to try them
 * @param retry whether and how retrying helps
 * @param faq questions and answers
 * @param lookupTerms other ways people write this error, such as the Chinese wording of a console or SDK
 * ({@code 请求过于频繁}): the lookup finds the topic by them, but no page lists them as a provider's strings
 */
public record ErrorTopic(@NotBlank @Pattern(regexp = KnowledgeBaseLoader.KEY, message = KnowledgeBaseLoader.KEY_RULE) String slug,
        @NotBlank String code,
        @Distinct List<@Pattern(regexp = KnowledgeBaseLoader.KEY, message = KnowledgeBaseLoader.KEY_RULE) String> aliases,
        @NotBlank String title, List<@StatusCode Integer> httpStatuses, @NotNull AppliesTo appliesTo,
        @NotBlank @Pattern(regexp = CONSTANT, message = CONSTANT_RULE) String reportType,
        Set<@Pattern(regexp = CONSTANT, message = CONSTANT_RULE) String> probeOutcomes, @NotBlank String summary,
        @NotBlank String meaning, @NotEmpty @Distinct List<@NotBlank String> signatures,
        @NotEmpty @Distinct List<@NotBlank String> causes, @NotEmpty @Distinct List<@NotBlank String> fixes,
        @NotNull @Valid Retry retry, @NotEmpty List<@Valid Question> faq,
        @Distinct List<@NotBlank String> lookupTerms) {

    private static final String CONSTANT = "[A-Z][A-Z_]*";

    private static final String CONSTANT_RULE = "must be the name of a constant, such as API_ERRORS";

    public ErrorTopic {
        aliases = copy(aliases);
        httpStatuses = copy(httpStatuses);
        probeOutcomes = (probeOutcomes != null) ? Set.copyOf(probeOutcomes) : Set.of();
        signatures = copy(signatures);
        causes = copy(causes);
        fixes = copy(fixes);
        faq = copy(faq);
        lookupTerms = copy(lookupTerms);
    }

    static <T> List<T> copy(List<T> list) {
        return (list != null) ? List.copyOf(list) : List.of();
    }

    /**
     * Whether a probe that ended with this outcome (by name, {@code DOWN}) and status shows this error. A probe
     * without an HTTP answer (timeout, reset) counts as a gateway timeout.
     */
    public boolean matchesProbe(String outcome, Integer httpStatus) {
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
    public record Retry(@NotNull RetryHelps helps, @NotBlank String advice) {
    }

    /**
     * One FAQ entry, Markdown.
     *
     * @param q the question
     * @param a the answer
     */
    public record Question(@NotBlank String q, @NotBlank String a) {
    }

}
