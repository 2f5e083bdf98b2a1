package dev.llmstatus.catalog;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad catalog into a short start-up report instead of a stack trace.
 */
class CatalogFailureAnalyzer extends AbstractFailureAnalyzer<CatalogException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, CatalogException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix that entry, or point llmstatus.catalog.location at a valid catalog.", cause);
    }

}
