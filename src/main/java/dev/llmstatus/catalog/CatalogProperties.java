package dev.llmstatus.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the provider catalog comes from.
 *
 * @param location the catalog YAML; {@code file:/path/providers.yml} replaces the bundled one
 */
@ConfigurationProperties("llmstatus.catalog")
public record CatalogProperties(@DefaultValue("classpath:catalog/providers.yml") Resource location) {
}
