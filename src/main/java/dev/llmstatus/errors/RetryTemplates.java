package dev.llmstatus.errors;

import java.net.URI;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.llmstatus.catalog.ModelProtocol;

/**
 * The retry examples as written in {@code retry-examples.yml}: per language, the code with a {@code {request}} line
 * and the request for each protocol, in which {@code {url}}, {@code {model}}, {@code {keyVariable}},
 * {@code {keyHeader}} and {@code {keyPrefix}} stand for one provider's values.
 *
 * @param java Java, with {@code java.net.http.HttpClient}
 * @param python Python, with httpx
 * @param javascript JavaScript with {@code fetch}, or {@code null}
 */
record RetryTemplates(@NotNull @Valid Language java, @NotNull @Valid Language python, @Valid Language javascript) {

    /** The complete examples for a provider's API at {@code baseUrl}. */
    RetryExamples render(URI baseUrl, ApiExample example) {
        String base = baseUrl.toString().endsWith("/") ? baseUrl.toString().substring(0, baseUrl.toString().length() - 1)
                : baseUrl.toString();
        String url = base + example.path();
        return new RetryExamples(this.java.render(url, example), this.python.render(url, example),
                (this.javascript != null) ? this.javascript.render(url, example) : null);
    }

    /**
     * One language.
     *
     * @param code the whole example, with a line {@code {request}} where the request goes
     * @param requests the request for each protocol
     */
    record Language(@NotBlank @Pattern(regexp = "(?s).*\\{request}\\n.*", message = "must have a line {request}")
            String code, @NotNull @Valid Requests requests) {

        String render(String url, ApiExample example) {
            String request = this.requests.of(example.protocol())
                .replace("{url}", url)
                .replace("{model}", example.model())
                .replace("{keyVariable}", example.keyVariable())
                .replace("{keyHeader}", example.keyHeader())
                .replace("{keyPrefix}", example.keyPrefix())
                // an empty prefix leaves an empty string added to the key in every language
                .replace("\"\" + ", "");
            return this.code.replace("{request}\n", request.endsWith("\n") ? request : request + "\n");
        }

    }

    /**
     * The request for each protocol.
     *
     * @param openaiChat OpenAI-style chat completions
     * @param anthropicMessages Anthropic messages
     * @param geminiGenerate Gemini generateContent
     */
    record Requests(@JsonProperty("openai-chat") @NotBlank String openaiChat,
            @JsonProperty("anthropic-messages") @NotBlank String anthropicMessages,
            @JsonProperty("gemini-generate") @NotBlank String geminiGenerate) {

        String of(ModelProtocol protocol) {
            return switch (protocol) {
                case OPENAI_CHAT -> this.openaiChat;
                case ANTHROPIC_MESSAGES -> this.anthropicMessages;
                case GEMINI_GENERATE -> this.geminiGenerate;
            };
        }

    }

}
