package dev.llmstatus.catalog;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

import dev.llmstatus.system.WebUrl;

/**
 * A model whose inference we check with one small streaming request per interval. The key is never in the catalog:
 * the entry names the environment variable that holds it.
 *
 * @param id the model name sent to the API, unique within the provider
 * @param name display name
 * @param protocol the API it is called through
 * @param url the endpoint the request goes to
 * @param apiKeyEnv the environment variable holding the key, or {@code null}
 * @param interval time between two checks; 5 minutes when the catalog says nothing
 * @param timeout deadline for the whole answer; 30 seconds by default
 * @param ttftThreshold a first token later than this counts as degraded; 5 seconds by default
 * @param minTokensPerSecond generation slower than this counts as degraded; 5 by default
 * @param maxTokens the answer's token cap; {@value #DEFAULT_MAX_TOKENS} by default, enough for "391". A model that
 *        reasons before it answers (and cannot be told not to) needs room for its reasoning, or every check would
 *        end in the middle of it
 */
public record ModelDefinition(@NotBlank @Pattern(regexp = "\\S+", message = "must not contain spaces") String id,
        @NotBlank String name, @NotNull ModelProtocol protocol, @NotNull @WebUrl URI url,
        @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "is not an environment variable name") String apiKeyEnv,
        @NotNull @DurationMin(millis = 1, message = "must be positive") Duration interval,
        @NotNull @DurationMin(millis = 1, message = "must be positive") Duration timeout,
        @NotNull @DurationMin(millis = 1, message = "must be positive") Duration ttftThreshold,
        @NotNull @Positive Double minTokensPerSecond, @NotNull @Positive Integer maxTokens) implements CheckDefinition {

    static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    static final Duration DEFAULT_TTFT_THRESHOLD = Duration.ofSeconds(5);

    static final double DEFAULT_MIN_TOKENS_PER_SECOND = 5;

    /** Enough for "391" from any tokenizer, with room for a short sentence around it. */
    public static final int DEFAULT_MAX_TOKENS = 16;

    @Override
    public CheckKind kind() {
        return CheckKind.MODEL_INFERENCE;
    }

    public ModelDefinition {
        interval = (interval != null) ? interval : DEFAULT_INTERVAL;
        timeout = (timeout != null) ? timeout : DEFAULT_TIMEOUT;
        ttftThreshold = (ttftThreshold != null) ? ttftThreshold : DEFAULT_TTFT_THRESHOLD;
        minTokensPerSecond = (minTokensPerSecond != null) ? minTokensPerSecond : DEFAULT_MIN_TOKENS_PER_SECOND;
        maxTokens = (maxTokens != null) ? maxTokens : DEFAULT_MAX_TOKENS;
    }

}
