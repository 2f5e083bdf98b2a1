package dev.llmstatus.errors;

import java.util.List;

import jakarta.validation.constraints.NotBlank;

import dev.llmstatus.system.Distinct;
import dev.llmstatus.system.StatusCode;

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
public record ProviderTopic(@StatusCode Integer httpStatus, @Distinct List<@NotBlank String> codes,
        @Distinct List<@NotBlank String> signatures, @Distinct List<@NotBlank String> headers, String notes) {

    static final ProviderTopic NONE = new ProviderTopic(null, List.of(), List.of(), List.of(), null);

    public ProviderTopic {
        codes = ErrorTopic.copy(codes);
        signatures = ErrorTopic.copy(signatures);
        headers = ErrorTopic.copy(headers);
    }

}
