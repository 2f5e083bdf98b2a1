package dev.llmstatus.official;

import java.util.Locale;

/**
 * A level in the official page's own words: the Statuspage component status values, which the page-wide indicator
 * ({@code none, minor, major, critical, maintenance}) and other platforms' words are read into. Declared from best to
 * worst; {@link #UNKNOWN} is outside the order.
 */
public enum OfficialLevel {

    OPERATIONAL("operational", "Operational"),

    UNDER_MAINTENANCE("under_maintenance", "Under maintenance"),

    DEGRADED_PERFORMANCE("degraded_performance", "Degraded performance"),

    PARTIAL_OUTAGE("partial_outage", "Partial outage"),

    MAJOR_OUTAGE("major_outage", "Major outage"),

    UNKNOWN("unknown", "Unknown");

    private final String word;

    private final String label;

    OfficialLevel(String word, String label) {
        this.word = word;
        this.label = label;
    }

    /** The level in words, as the page shows it. */
    public String label() {
        return this.label;
    }

    /** The Statuspage component status word. */
    public String word() {
        return this.word;
    }

    public boolean known() {
        return this != UNKNOWN;
    }

    /** The worse of two levels; an unknown one yields the other. */
    public static OfficialLevel worse(OfficialLevel a, OfficialLevel b) {
        if (!a.known()) {
            return b;
        }
        if (!b.known()) {
            return a;
        }
        return (b.ordinal() > a.ordinal()) ? b : a;
    }

    /** A Statuspage component {@code status}; any other word is unknown. */
    public static OfficialLevel component(String word) {
        return switch (lower(word)) {
            case "operational" -> OPERATIONAL;
            case "degraded_performance" -> DEGRADED_PERFORMANCE;
            case "partial_outage" -> PARTIAL_OUTAGE;
            case "major_outage" -> MAJOR_OUTAGE;
            case "under_maintenance" -> UNDER_MAINTENANCE;
            default -> UNKNOWN;
        };
    }

    /** A Statuspage {@code status.indicator} or incident {@code impact}; any other word is unknown. */
    public static OfficialLevel indicator(String word) {
        return switch (lower(word)) {
            case "none" -> OPERATIONAL;
            case "minor" -> DEGRADED_PERFORMANCE;
            case "major" -> PARTIAL_OUTAGE;
            case "critical" -> MAJOR_OUTAGE;
            case "maintenance" -> UNDER_MAINTENANCE;
            default -> UNKNOWN;
        };
    }

    /** The Statuspage indicator/impact word for this level ({@code none} for unknown: Statuspage has no other). */
    public String indicator() {
        return switch (this) {
            case OPERATIONAL, UNKNOWN -> "none";
            case UNDER_MAINTENANCE -> "maintenance";
            case DEGRADED_PERFORMANCE -> "minor";
            case PARTIAL_OUTAGE -> "major";
            case MAJOR_OUTAGE -> "critical";
        };
    }

    private static String lower(String word) {
        return (word != null) ? word.strip().toLowerCase(Locale.ROOT) : "";
    }

}
