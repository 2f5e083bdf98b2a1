package dev.llmstatus.status;

import java.util.List;
import java.util.Locale;

/**
 * One status scale for every signal: probes, official pages, components, providers.
 * {@link #severity()} orders the outage levels; {@link #MAINTENANCE} sits between operational and degraded, and
 * {@link #UNKNOWN} is outside the order: it means "we cannot tell", never "fine" and never "down".
 */
public enum Status {

    OPERATIONAL(0, "Operational", "none"),

    MAINTENANCE(1, "Maintenance", "maintenance"),

    DEGRADED(2, "Degraded performance", "minor"),

    PARTIAL_OUTAGE(3, "Partial outage", "major"),

    MAJOR_OUTAGE(4, "Major outage", "critical"),

    UNKNOWN(-1, "Unknown", "unknown");

    /**
     * The order lists show levels in: worst first, then maintenance, then unknown (a level we cannot tell is shown
     * before the healthy ones, never hidden among them), operational last.
     */
    private static final List<Status> WORST_FIRST = List.of(MAJOR_OUTAGE, PARTIAL_OUTAGE, DEGRADED, MAINTENANCE,
            UNKNOWN, OPERATIONAL);

    private final int severity;

    private final String label;

    private final String indicator;

    Status(int severity, String label, String indicator) {
        this.severity = severity;
        this.label = label;
        this.indicator = indicator;
    }

    /** Every level in the order lists show them: see {@link #worstFirstRank()}. */
    public static List<Status> worstFirst() {
        return WORST_FIRST;
    }

    /** The position in {@link #worstFirst()}: 0 for a major outage, the highest for operational. */
    public int worstFirstRank() {
        return WORST_FIRST.indexOf(this);
    }

    /** Higher is worse; {@code -1} for {@link #UNKNOWN}. */
    public int severity() {
        return this.severity;
    }

    /** The level in words, as pages show it. */
    public String label() {
        return this.label;
    }

    /** The Statuspage {@code status.indicator} word for this level. */
    public String indicator() {
        return this.indicator;
    }

    /** The lowercase, dashed name used in CSS classes and JSON ({@code partial-outage}). */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean known() {
        return this != UNKNOWN;
    }

    /** True for the levels that are a problem for callers: degraded and worse. */
    public boolean problem() {
        return this.severity >= DEGRADED.severity;
    }

    /** The worse of two known levels; an unknown level yields the other one. */
    public static Status worse(Status a, Status b) {
        if (!a.known()) {
            return b;
        }
        if (!b.known()) {
            return a;
        }
        return (b.severity > a.severity) ? b : a;
    }

}
