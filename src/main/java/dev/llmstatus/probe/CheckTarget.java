package dev.llmstatus.probe;

import java.util.List;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.CheckDefinition;
import dev.llmstatus.catalog.Provider;

/**
 * One catalog entry the prober checks, with its definition: each component's front door today. A kind whose
 * entries live elsewhere in the catalog lists them in {@link #all(Catalog)}.
 *
 * @param provider the provider's slug
 * @param key the entry's key within the provider
 * @param definition how to check it
 */
record CheckTarget(String provider, String key, CheckDefinition definition) {

    /** Every entry of the catalog, in catalog order. */
    static List<CheckTarget> all(Catalog catalog) {
        return catalog.providers().stream().flatMap((provider) -> of(provider).stream()).toList();
    }

    static List<CheckTarget> of(Provider provider) {
        return provider.components()
            .stream()
            .map((component) -> new CheckTarget(provider.slug(), component.key(), component.probe()))
            .toList();
    }

    /** {@code provider/key}, for logs and lock names. */
    String name() {
        return this.provider + "/" + this.key;
    }

}
