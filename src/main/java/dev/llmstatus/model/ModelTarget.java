package dev.llmstatus.model;

import java.net.URI;
import java.time.Duration;

import dev.llmstatus.catalog.ModelDefinition;
import dev.llmstatus.catalog.ModelProtocol;

/**
 * One model to check, as the catalog defines it.
 *
 * @param provider provider slug
 * @param id the model name sent to the API
 * @param protocol the endpoint's wire protocol
 * @param url the inference endpoint
 * @param timeout the whole check's deadline
 * @param ttftThreshold a slower first token is degraded
 * @param minTokensPerSecond slower generation is degraded
 * @param maxTokens the answer's token cap
 */
public record ModelTarget(String provider, String id, ModelProtocol protocol, URI url, Duration timeout,
        Duration ttftThreshold, double minTokensPerSecond, int maxTokens) {

    public ModelTarget(String provider, String id, ModelProtocol protocol, URI url, Duration timeout,
            Duration ttftThreshold, double minTokensPerSecond) {
        this(provider, id, protocol, url, timeout, ttftThreshold, minTokensPerSecond, ModelDefinition.DEFAULT_MAX_TOKENS);
    }

    static ModelTarget of(String provider, ModelDefinition model) {
        return new ModelTarget(provider, model.id(), model.protocol(), model.url(), model.timeout(),
                model.ttftThreshold(), model.minTokensPerSecond(), model.maxTokens());
    }

}
