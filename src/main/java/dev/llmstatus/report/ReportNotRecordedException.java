package dev.llmstatus.report;

/**
 * A valid report could not be stored (the database is unreachable). The visitor must be told that it was not
 * recorded, never shown a thank-you.
 */
public class ReportNotRecordedException extends RuntimeException {

    private final String slug;

    private final String providerName;

    ReportNotRecordedException(String slug, String providerName, Throwable cause) {
        super("Report for '" + slug + "' not recorded", cause);
        this.slug = slug;
        this.providerName = providerName;
    }

    public String slug() {
        return this.slug;
    }

    public String providerName() {
        return this.providerName;
    }

}
