package dev.llmstatus.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.CatalogLoader;
import dev.llmstatus.errors.ErrorLookup;
import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.status.StatusProperties;
import dev.llmstatus.system.SiteProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;

/**
 * What the MVC slice needs beyond the web layer: the site's properties, meters, and the bundled catalog, knowledge base
 * and error lookup.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SiteProperties.class, StatusProperties.class })
public class WebSliceConfiguration {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }

    @Bean
    ObservationRegistry observationRegistry() {
        return ObservationRegistry.NOOP;
    }

    @Bean
    Catalog catalog() {
        return CatalogLoader.load(new ClassPathResource("catalog/providers.yml"));
    }

    @Bean
    KnowledgeBase knowledgeBase(Catalog catalog) {
        return KnowledgeBase.bundled(catalog);
    }

    @Bean
    ErrorLookup errorLookup(KnowledgeBase knowledgeBase) {
        return new ErrorLookup(knowledgeBase);
    }

}
