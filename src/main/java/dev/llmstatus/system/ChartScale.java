package dev.llmstatus.system;

/**
 * The top of a chart's axis: the value rounded up to 1, 2 or 5 times a power of ten, so gridlines fall on numbers a
 * reader can take in at a glance (an axis up to 500 ms, not 437 ms).
 */
public final class ChartScale {

    private ChartScale() {
    }

    /** The smallest of 1, 2, 5 × 10^n that is at least {@code value} (1 for anything below 1). */
    public static long niceCeiling(long value) {
        long magnitude = 1;
        while (magnitude * 10 <= value) {
            magnitude *= 10;
        }
        for (long factor : new long[] { 1, 2, 5 }) {
            if (factor * magnitude >= value) {
                return factor * magnitude;
            }
        }
        return 10 * magnitude;
    }

}
