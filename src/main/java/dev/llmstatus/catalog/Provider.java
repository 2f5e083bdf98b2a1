package dev.llmstatus.catalog;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import dev.llmstatus.system.Distinct;
import dev.llmstatus.system.WebUrl;

/**
 * One LLM API provider as the catalog defines it.
 *
 * @param slug URL key, lowercase letters, digits and dashes
 * @param name display name
 * @param website the provider's home page
 * @param apiBaseUrl base URL of its API
 * @param docs links to its own documentation
 * @param statusPage its official status page; {@link StatusPageSource#NONE} when the catalog names none
 * @param components what we probe, in display order
 * @param aliases other names people type for it ("Claude", "豆包"), unique across the catalog
 * @param models models whose inference we may check, possibly none
 */
public record Provider(@NotBlank @Pattern(regexp = Catalog.KEY, message = Catalog.KEY_RULE) String slug,
        @NotBlank String name, @NotNull @WebUrl URI website, @NotNull @WebUrl URI apiBaseUrl,
        @NotNull @Valid Docs docs, @NotNull @Valid StatusPageSource statusPage,
        @NotEmpty List<@Valid Component> components, @Distinct List<@NotBlank String> aliases,
        List<@Valid ModelDefinition> models) {

    public Provider {
        statusPage = (statusPage != null) ? statusPage : StatusPageSource.NONE;
        components = (components != null) ? List.copyOf(components) : List.of();
        aliases = (aliases != null) ? aliases.stream().map(String::strip).toList() : List.of();
        models = (models != null) ? List.copyOf(models) : List.of();
    }

    /** A provider without aliases or models. */
    public Provider(String slug, String name, URI website, URI apiBaseUrl, Docs docs, StatusPageSource statusPage,
            List<Component> components) {
        this(slug, name, website, apiBaseUrl, docs, statusPage, components, List.of(), List.of());
    }

    /** This provider with the catalog's defaults filled into its probes. */
    Provider withProbeDefaults(CatalogFile.Defaults defaults) {
        return new Provider(this.slug, this.name, this.website, this.apiBaseUrl, this.docs, this.statusPage,
                this.components.stream()
                    .map((component) -> new Component(component.key(), component.name(),
                            component.officialComponent(), component.probe().withDefaults(defaults)))
                    .toList(),
                this.aliases, this.models);
    }

    public Optional<Component> component(String key) {
        return this.components.stream().filter((component) -> component.key().equals(key)).findFirst();
    }

    public Optional<ModelDefinition> model(String id) {
        return this.models.stream().filter((model) -> model.id().equals(id)).findFirst();
    }

}
