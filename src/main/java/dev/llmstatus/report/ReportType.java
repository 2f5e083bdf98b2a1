package dev.llmstatus.report;

/**
 * What kind of problem a visitor reports.
 */
public enum ReportType {

    API_ERRORS("API errors", "API errors"),

    SLOW("Slow responses", "slow responses"),

    RATE_LIMITS("Rate limits / 429", "rate limits"),

    LOGIN("Login or account", "login or account problems"),

    WEBSITE_DOWN("Website down", "the website being down"),

    BAD_OUTPUT("Wrong or bad output", "wrong or bad output"),

    OTHER("Other", "other problems");

    /** Matches exactly the names of the constants, for validating submitted text. */
    static final String PATTERN = "API_ERRORS|SLOW|RATE_LIMITS|LOGIN|WEBSITE_DOWN|BAD_OUTPUT|OTHER";

    private final String label;

    private final String phrase;

    ReportType(String label, String phrase) {
        this.label = label;
        this.phrase = phrase;
    }

    /** The form's label ("Rate limits / 429"). */
    public String label() {
        return this.label;
    }

    /** The words that follow "most about" ("rate limits"). */
    public String phrase() {
        return this.phrase;
    }

}
