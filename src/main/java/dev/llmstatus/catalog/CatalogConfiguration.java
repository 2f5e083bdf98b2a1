package dev.llmstatus.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Catalog catalog(CatalogProperties properties) {
        return CatalogLoader.load(properties.location());
    }

}
