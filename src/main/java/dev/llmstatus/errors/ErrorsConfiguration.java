package dev.llmstatus.errors;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.CatalogProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

@Configuration(proxyBeanMethods = false)
class ErrorsConfiguration {

    /**
     * With the bundled catalog every overlay must name one of its providers; an operator's own catalog may leave
     * providers out, and their overlays are then skipped rather than stopping the site.
     */
    @Bean
    KnowledgeBase knowledgeBase(Catalog catalog, CatalogProperties catalogProperties) {
        boolean bundledCatalog = catalogProperties.location() instanceof ClassPathResource resource
                && resource.getPath().equals("catalog/providers.yml");
        return KnowledgeBaseLoader.load(KnowledgeBaseLoader.DEFAULT_LOCATION, catalog, bundledCatalog);
    }

    @Bean
    ErrorLookup errorLookup(KnowledgeBase knowledgeBase) {
        return new ErrorLookup(knowledgeBase);
    }

}
