package dev.llmstatus.catalog;

/**
 * A catalog that cannot be used. Its message is one line naming the entry, the field and the problem.
 */
public class CatalogException extends RuntimeException {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }

}
