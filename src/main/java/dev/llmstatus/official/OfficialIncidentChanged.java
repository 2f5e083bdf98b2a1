package dev.llmstatus.official;

import java.time.Instant;
import java.util.Objects;

/**
 * An official incident (not a maintenance) appeared on the provider's page, changed, or was resolved. Published
 * inside the transaction that stores the change, by the instance whose write won: the incident row's version and
 * its unique (provider, page id) key decide, so two instances reading the same page publish each change once.
 *
 * @param incident the incident as now stored
 * @param before the incident as stored before, or {@code null} when it is new
 * @param change what happened
 * @param version the row's version after the change: with the incident's id, a stable name for this change
 * @param at when it happened: the incident's start, its newest update, or its resolution
 */
public record OfficialIncidentChanged(OfficialIncident incident, OfficialIncident before, Change change, long version,
        Instant at) {

    /** What happened to the incident. */
    public enum Change {

        OPENED, UPDATED, RESOLVED

    }

    /**
     * What the step from {@code before} to {@code after} tells subscribers, or {@code null} for nothing: a new
     * incident that is still open, its resolution, a reopening, a new impact or state or timeline entry. An
     * incident first seen already resolved is history, not news; maintenances are announced, not incidents.
     */
    static Change of(OfficialIncident before, OfficialIncident after) {
        if (after.maintenance()) {
            return null;
        }
        if (before == null) {
            return after.resolved() ? null : Change.OPENED;
        }
        if (!before.resolved() && after.resolved()) {
            return Change.RESOLVED;
        }
        if (after.resolved()) {
            return null;
        }
        boolean changed = before.resolved() || before.impact() != after.impact()
                || !Objects.equals(before.state(), after.state()) || before.updates().size() != after.updates().size();
        return changed ? Change.UPDATED : null;
    }

    /** When the change happened, as far as the page tells. */
    static Instant at(Change change, OfficialIncident incident, Instant fetchedAt) {
        Instant at = switch (change) {
            case OPENED -> incident.createdAt();
            case RESOLVED -> incident.resolvedAt();
            case UPDATED -> incident.updates().isEmpty() ? null : incident.updates().get(0).at();
        };
        return (at != null) ? at : fetchedAt;
    }

}
