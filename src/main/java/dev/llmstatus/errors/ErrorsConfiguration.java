package dev.llmstatus.errors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.llmstatus.catalog.Catalog;

@Configuration(proxyBeanMethods = false)
class ErrorsConfiguration {

    @Bean
    KnowledgeBase knowledgeBase(Catalog catalog) {
        return KnowledgeBase.bundled(catalog);
    }

    @Bean
    ErrorLookup errorLookup(KnowledgeBase knowledgeBase) {
        return new ErrorLookup(knowledgeBase);
    }

}
