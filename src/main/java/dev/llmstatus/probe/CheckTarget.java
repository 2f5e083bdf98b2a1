package dev.llmstatus.probe;

import java.util.List;
import java.util.stream.Stream;

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

    /** Its components, then its models (keyed {@code models/<id>}, apart from component keys). */
    static List<CheckTarget> of(Provider provider) {
        return Stream.concat(
                provider.components()
                    .stream()
                    .map((component) -> new CheckTarget(provider.slug(), component.key(), component.probe())),
                provider.models()
                    .stream()
                    .map((model) -> new CheckTarget(provider.slug(), MODEL_KEY_PREFIX + model.id(), model)))
            .toList();
    }

    /** What model entries' keys start with. */
    static final String MODEL_KEY_PREFIX = "models/";

    /** {@code provider/key}, for logs and lock names. */
    String name() {
        return this.provider + "/" + this.key;
    }

}
