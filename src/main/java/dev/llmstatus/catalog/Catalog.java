package dev.llmstatus.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, immutable provider catalog, in file order.
 */
public final class Catalog {

    private final List<Provider> providers;

    private final Map<String, Provider> bySlug;

    public Catalog(List<Provider> providers) {
        this.providers = List.copyOf(providers);
        Map<String, Provider> index = new LinkedHashMap<>();
        for (Provider provider : this.providers) {
            if (index.putIfAbsent(provider.slug(), provider) != null) {
                throw new CatalogException("provider '" + provider.slug() + "': slug: duplicate slug");
            }
        }
        this.bySlug = Map.copyOf(index);
    }

    public List<Provider> providers() {
        return this.providers;
    }

    public Optional<Provider> find(String slug) {
        return Optional.ofNullable(this.bySlug.get(slug));
    }

    public int componentCount() {
        return this.providers.stream().mapToInt((provider) -> provider.components().size()).sum();
    }

}
