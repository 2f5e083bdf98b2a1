package dev.llmstatus.status;

import dev.llmstatus.official.OfficialLevel;

/** Official pages' own levels on our scale. */
public final class OfficialLevels {

    private OfficialLevels() {
    }

    public static Status of(OfficialLevel level) {
        return switch (level) {
            case OPERATIONAL -> Status.OPERATIONAL;
            case UNDER_MAINTENANCE -> Status.MAINTENANCE;
            case DEGRADED_PERFORMANCE -> Status.DEGRADED;
            case PARTIAL_OUTAGE -> Status.PARTIAL_OUTAGE;
            case MAJOR_OUTAGE -> Status.MAJOR_OUTAGE;
            case UNKNOWN -> Status.UNKNOWN;
        };
    }

}
