package dev.llmstatus.catalog;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The validated, immutable provider catalog, in file order.
 */
public final class Catalog {

    /** Slugs and component keys: lowercase letters, digits and single dashes. */
    static final String KEY = "[a-z0-9]+(-[a-z0-9]+)*";

    static final String KEY_RULE = "must be lowercase letters, digits and single dashes";

    private final List<Provider> providers;

    private final Map<String, Provider> bySlug;

    private final Map<String, Provider> byNameOrAlias;

    public Catalog(List<Provider> providers) {
        this.providers = List.copyOf(providers);
        Map<String, Provider> index = new LinkedHashMap<>();
        for (Provider provider : this.providers) {
            if (index.putIfAbsent(provider.slug(), provider) != null) {
                throw new CatalogException("provider '" + provider.slug() + "': slug: duplicate slug");
            }
        }
        this.bySlug = Map.copyOf(index);
        Map<String, Provider> names = new HashMap<>();
        this.providers.forEach((provider) -> names.putIfAbsent(normal(provider.slug()), provider));
        this.providers.forEach((provider) -> names.putIfAbsent(normal(provider.name()), provider));
        this.providers.forEach((provider) -> provider.aliases()
            .forEach((alias) -> names.putIfAbsent(normal(alias), provider)));
        this.byNameOrAlias = Map.copyOf(names);
    }

    public List<Provider> providers() {
        return this.providers;
    }

    public Optional<Provider> find(String slug) {
        return Optional.ofNullable(this.bySlug.get(slug));
    }

    /**
     * The provider someone means by what they typed: its slug, its name or one of its aliases ("Claude", "豆包"),
     * ignoring case and surrounding spaces. Partial words do not match.
     */
    public Optional<Provider> findByNameOrAlias(String text) {
        return (text != null) ? Optional.ofNullable(this.byNameOrAlias.get(normal(text))) : Optional.empty();
    }

    static String normal(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

}
