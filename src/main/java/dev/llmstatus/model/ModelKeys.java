package dev.llmstatus.model;

import java.util.Optional;

import org.springframework.core.env.Environment;

/**
 * Finds the operator's API key for a provider: the property {@code llmstatus.models.keys.<slug>}, else the
 * environment variable the catalog names. Keys are looked up when a check starts and handed straight to the request;
 * they are never kept in a definition, a result or a log line.
 */
public final class ModelKeys {

    private final Environment environment;

    public ModelKeys(Environment environment) {
        this.environment = environment;
    }

    Optional<String> find(String provider, String apiKeyEnv) {
        String key = this.environment.getProperty("llmstatus.models.keys." + provider);
        if ((key == null || key.isBlank()) && apiKeyEnv != null && !apiKeyEnv.isBlank()) {
            key = this.environment.getProperty(apiKeyEnv);
        }
        return (key == null || key.isBlank()) ? Optional.empty() : Optional.of(key.strip());
    }

    /** Whether this instance has a key for the provider's models (pages say so when it has none). */
    public boolean configured(String provider, String apiKeyEnv) {
        return find(provider, apiKeyEnv).isPresent();
    }

}
