package dev.llmstatus.status;

import java.util.Locale;

/**
 * Share of successful checks over four windows, as fractions from 0 to 1, counted over the checks that reached the
 * provider; {@code null} where there is no such check. Time without data is never counted as downtime: the
 * coverage says how much of each window the figure rests on.
 *
 * @param day the last 24 hours
 * @param week the last 7 days
 * @param month the last 30 days
 * @param quarter the last 90 days
 * @param coverage the share of each window's hours with at least one check that reached the provider
 */
public record Uptime(Double day, Double week, Double month, Double quarter, Coverage coverage) {

    public static final Uptime NONE = new Uptime(null, null, null, null, Coverage.NONE);

    /**
     * Share of hours with data, per window, from 0 to 1.
     */
    public record Coverage(double day, double week, double month, double quarter) {

        public static final Coverage NONE = new Coverage(0, 0, 0, 0);

    }

    /** A fraction as a percentage with two decimals ("99.95%"), or "no data". */
    public static String percent(Double fraction) {
        if (fraction == null) {
            return "no data";
        }
        double value = Math.floor(fraction * 10000) / 100;
        return String.format(Locale.ROOT, "%.2f%%", value);
    }

    /** A coverage share in whole percent, rounded down so that a partial window never reads "100%" ("<1%" above 0). */
    public static String covered(double share) {
        int percent = (int) Math.floor(share * 100);
        return (percent == 0 && share > 0) ? "<1%" : percent + "%";
    }

}
