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

    /** Instatus pages: {@code summary.json} at {@code api}, {@code v3/components.json} next to it. */
    INSTATUS("Instatus", true),

    /** Better Stack pages (Together AI, Hugging Face): the JSON:API {@code index.json} at {@code api}. */
    BETTERSTACK("Better Stack", true),

    /** Rootly pages (Mistral): {@code /api/v1/status.json} at {@code api}. */
    ROOTLY("Rootly", true),

    /**
     * The Google Cloud service health dashboard (Vertex Gemini API): its {@code incidents.json} at {@code api}, kept to
     * the products named in {@code filter}.
     */
    GOOGLE_CLOUD("the Google Cloud service health dashboard", true),

    /**
     * The AWS Health Dashboard (Bedrock): its public {@code currentevents} JSON at {@code api}, kept to the services
     * named in {@code filter}.
     */
    AWS_HEALTH("the AWS Health Dashboard", true),

    /**
     * Meta's status JSON (Meta Llama API): {@code api.meta.ai/v1/status} at {@code api}, the overall status and one
     * per model.
     */
    META_STATUS("Meta's status JSON", true),

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
        return this != NONE;
    }

    /** Whether the page is read through its JSON {@code api} document (else through its feed). */
    public boolean readsApi() {
        return this.readsApi;
    }

    /** Whether the page is a dashboard shared by many services, read only for those the catalog names. */
    public boolean shared() {
        return this == GOOGLE_CLOUD || this == AWS_HEALTH;
    }

}
