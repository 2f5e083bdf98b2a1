package dev.llmstatus.status;

/**
 * Which signal decided a level, so that pages can say why.
 */
public enum Signal {

    /** Our own front-door probes. */
    PROBE("our probes"),

    /** The provider's official status page. */
    OFFICIAL("the official status page"),

    /** Our monitor itself: offline, or no fresh data. */
    MONITOR("our monitor"),

    /** Our inference checks of its models. */
    MODEL("our model checks");

    private final String label;

    Signal(String label) {
        this.label = label;
    }

    public String label() {
        return this.label;
    }

}
