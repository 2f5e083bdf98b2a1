package dev.llmstatus.model;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How model checks run. Per-model timing and thresholds live in the catalog; keys are read from
 * {@code llmstatus.models.keys.<provider slug>} or from the environment variable the catalog names, never from here,
 * so that no key is ever bound into an object that might be printed.
 *
 * @param enabled whether this instance sends model checks at all (history stays readable when it does not)
 * @param dailyBudget the most model check requests per provider per UTC day; checks pause once it is used up
 * @param budgets per-provider overrides of the daily budget, by provider slug
 * @param userAgent the User-Agent header of every model check
 * @param maxRetryAfter the longest a Retry-After header may pause a model's checks
 * @param flushInterval how often finished results are written to the database in one batch
 */
@ConfigurationProperties("llmstatus.models")
public record ModelProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000") int dailyBudget,
        Map<String, Integer> budgets, @DefaultValue("llm-status-model-check/0.1") String userAgent,
        @DefaultValue("1h") Duration maxRetryAfter, @DefaultValue("1s") Duration flushInterval) {

    public ModelProperties {
        budgets = (budgets != null) ? Map.copyOf(budgets) : Map.of();
        if (dailyBudget < 0 || budgets.values().stream().anyMatch((budget) -> budget < 0)) {
            throw new IllegalArgumentException("llmstatus.models: daily budgets must not be negative");
        }
    }

    /** The daily request budget of one provider. */
    public int budget(String provider) {
        return this.budgets.getOrDefault(provider, this.dailyBudget);
    }

}
