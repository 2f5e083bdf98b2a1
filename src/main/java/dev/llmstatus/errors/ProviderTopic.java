package dev.llmstatus.errors;

import java.util.List;

/**
 * What is specific to one provider for one topic, from the provider's overlay file.
 *
 * @param httpStatus the status this provider sends for the error, or {@code null} when it varies or is not an
 * HTTP status (errors inside a 200 response)
 * @param codes the provider's own codes, types or business codes
 * @param signatures the provider's exact strings
 * @param headers response headers that matter for this error
 * @param notes Markdown, or {@code null}
 */
public record ProviderTopic(Integer httpStatus, List<String> codes, List<String> signatures, List<String> headers,
        String notes) {

    static final ProviderTopic NONE = new ProviderTopic(null, List.of(), List.of(), List.of(), null);

    public ProviderTopic {
        codes = List.copyOf(codes);
        signatures = List.copyOf(signatures);
        headers = List.copyOf(headers);
    }

}
