package dev.llmstatus.errors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.llmstatus.catalog.ModelProtocol;

/**
 * How a provider's retry examples call its API, from the {@code example} of its overlay; the base URL comes from the
 * catalog, so that the code on a provider's page talks to that provider.
 *
 * @param protocol the request shape
 * @param path appended to the catalog's {@code apiBaseUrl} ({@code /chat/completions})
 * @param model the model the example asks
 * @param keyVariable the environment variable the example reads the key from ({@code STEPFUN_API_KEY})
 * @param keyHeader the header that carries the key; by default the protocol's
 * @param keyPrefix what precedes the key in that header ({@code "Bearer "}); by default the protocol's
 */
public record ApiExample(@NotNull ModelProtocol protocol,
        @NotBlank @Pattern(regexp = "/[A-Za-z0-9._~:/@+-]*", message = "must be a path starting with /") String path,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:/@+-]+", message = "is not a model name") String model,
        @NotBlank @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "is not an environment variable name")
        String keyVariable,
        @Pattern(regexp = "[A-Za-z0-9-]+", message = "is not a header name") String keyHeader,
        @Pattern(regexp = "[A-Za-z]* ?", message = "must be a word and a space, or nothing") String keyPrefix) {

    /** The example for a provider whose overlay has none: an OpenAI-style API with names to replace. */
    static final ApiExample GENERAL = new ApiExample(ModelProtocol.OPENAI_CHAT, "/chat/completions", "MODEL_NAME",
            "API_KEY", null, null);

    public ApiExample {
        if (protocol != null) {
            keyHeader = (keyHeader != null) ? keyHeader : switch (protocol) {
                case OPENAI_CHAT -> "Authorization";
                case ANTHROPIC_MESSAGES -> "x-api-key";
                case GEMINI_GENERATE -> "x-goog-api-key";
            };
            keyPrefix = (keyPrefix != null) ? keyPrefix : (protocol == ModelProtocol.OPENAI_CHAT) ? "Bearer " : "";
        }
    }

}
