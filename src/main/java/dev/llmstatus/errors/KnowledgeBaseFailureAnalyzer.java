package dev.llmstatus.errors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad error knowledge base into a short start-up report instead of a stack trace.
 */
class KnowledgeBaseFailureAnalyzer extends AbstractFailureAnalyzer<KnowledgeBaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, KnowledgeBaseException cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix that file under src/main/resources/errors.", cause);
    }

}
