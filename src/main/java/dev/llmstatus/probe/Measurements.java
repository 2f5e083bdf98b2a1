package dev.llmstatus.probe;

/**
 * What a check measured beyond the fields every {@link ProbeResult} has: each kind that measures more (time to first
 * token, tokens per second, ...) brings its own record implementing this, and readers match on the type.
 */
public interface Measurements {

    /** For kinds that measure nothing beyond the common fields, such as the front door. */
    Measurements NONE = new None();

    /** The type of {@link #NONE}. */
    record None() implements Measurements {
    }

}
