package dev.llmstatus.catalog;

/**
 * The platforms of official status pages we can read. The catalog names a kind in lower case with dashes for
 * underscores ({@code statuspage}, {@code none}).
 */
public enum StatusPageKind {

    /** Atlassian Statuspage, read through its v2 JSON API. */
    STATUSPAGE("Atlassian Statuspage", true),

    /** incident.io, which serves a Statuspage-compatible v2 JSON API. */
    INCIDENTIO("incident.io", true),

    /** Flashduty status pages (DeepSeek): their own JSON with active changes and a change list. */
    FLASHDUTY("Flashduty", true),

    /** Instatus pages (Perplexity); known, not read yet. */
    INSTATUS("Instatus", false),

    /** Better Stack pages (Together AI, Hugging Face); known, not read yet. */
    BETTERSTACK("Better Stack", false),

    /** Rootly pages (Mistral); known, not read yet. */
    ROOTLY("Rootly", false),

    /** The Google Cloud service health dashboard; known, not read yet. */
    GOOGLE_CLOUD("the Google Cloud service health dashboard", false),

    /** Only an RSS or Atom incident feed. */
    FEED("an RSS/Atom feed", false),

    /** No machine-readable official page. */
    NONE("no machine-readable page", false);

    private final String platform;

    private final boolean readsApi;

    StatusPageKind(String platform, boolean readsApi) {
        this.platform = platform;
        this.readsApi = readsApi;
    }

    /** The platform in words, for the sentence that says why a page could not be read. */
    public String platform() {
        return this.platform;
    }

    /** Whether we have a reader for this platform. */
    public boolean read() {
        return this == STATUSPAGE || this == INCIDENTIO || this == FLASHDUTY || this == FEED;
    }

    /** Whether the page is read through its JSON {@code api} document (else through its feed). */
    public boolean readsApi() {
        return this.readsApi;
    }

}
