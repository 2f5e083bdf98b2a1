package dev.llmstatus.errors;

/**
 * An error knowledge base that cannot be used. Its message is one line naming the file, the field and the problem.
 */
public class KnowledgeBaseException extends RuntimeException {

    public KnowledgeBaseException(String message) {
        super(message);
    }

    public KnowledgeBaseException(String message, Throwable cause) {
        super(message, cause);
    }

}
