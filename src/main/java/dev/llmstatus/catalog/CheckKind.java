package dev.llmstatus.catalog;

/**
 * The kinds of check the prober knows; each has one {@code Check} implementation in the prober, and each catalog
 * entry names its kind. Adding a kind means adding a constant here, its definition record and its check class.
 */
public enum CheckKind {

    /** One request without credentials to an API's front door: it sees whether the door opens, not a real call. */
    FRONT_DOOR("front door", "send no API key and no request body"),

    /** One tiny streaming inference request with the operator's key: it sees whether a model answers, and how fast. */
    MODEL_INFERENCE("model inference", "send one tiny inference request with this instance's API key");

    private final String label;

    private final String sends;

    CheckKind(String label, String sends) {
        this.label = label;
        this.sends = sends;
    }

    /** A short name for pages and logs ("front door"). */
    public String label() {
        return this.label;
    }

    /**
     * What such checks send, worded to follow "Our checks " on a page ("send no API key and no request body"), so
     * that no page claims something about our requests that one kind of check does not hold to.
     */
    public String sends() {
        return this.sends;
    }

}
