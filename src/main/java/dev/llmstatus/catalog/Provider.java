package dev.llmstatus.catalog;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One LLM API provider as the catalog defines it.
 *
 * @param slug URL key, lowercase letters, digits and dashes
 * @param name display name
 * @param website the provider's home page
 * @param apiBaseUrl base URL of its API
 * @param docs links to its own documentation
 * @param statusPage its official status page, if any
 * @param components what we probe, in display order
 */
public record Provider(String slug, String name, URI website, URI apiBaseUrl, Docs docs, StatusPageSource statusPage,
        List<Component> components) {

    public Provider {
        components = List.copyOf(components);
    }

    public Optional<Component> component(String key) {
        return this.components.stream().filter((component) -> component.key().equals(key)).findFirst();
    }

}
