package dev.llmstatus.status;

import java.util.Locale;

/**
 * Share of successful checks over four windows, as fractions from 0 to 1; {@code null} where there is no data.
 */
public record Uptime(Double day, Double week, Double month, Double quarter) {

    public static final Uptime NONE = new Uptime(null, null, null, null);

    /** A fraction as a percentage with two decimals ("99.95%"), or "no data". */
    public static String percent(Double fraction) {
        if (fraction == null) {
            return "no data";
        }
        double value = Math.floor(fraction * 10000) / 100;
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

}
