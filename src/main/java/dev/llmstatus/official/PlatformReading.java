package dev.llmstatus.official;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readers of platforms without Statuspage's shape (Better Stack, Instatus, Google Cloud, AWS Health) have in
 * common: timelines whose updates carry no state word, and one way to turn incidents and maintenances into a reading.
 */
final class PlatformReading {

    private PlatformReading() {
    }

    /**
     * One update as a platform gives it.
     *
     * @param state the platform's own state word for it, or {@code null} when it has none
     * @param body sanitized HTML
     * @param at when it was posted, or {@code null}
     */
    record Entry(String state, String body, Instant at) {
    }

    /**
     * The timeline, newest first. An update without a state word of its own is "investigating" (for a maintenance
     * "scheduled") when it is the first, "resolved" ("completed") when it is the last of an ended incident, and
     * "update" otherwise.
     */
    static List<OfficialIncident.Update> timeline(List<Entry> entries, boolean maintenance, boolean ended) {
        List<Entry> oldestFirst = new ArrayList<>(entries);
        oldestFirst.sort(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<OfficialIncident.Update> updates = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            Entry entry = oldestFirst.get(i);
            String state = entry.state();
            if (state == null) {
                state = (i == oldestFirst.size() - 1 && ended) ? (maintenance ? "completed" : "resolved")
                        : (i == 0) ? (maintenance ? "scheduled" : "investigating") : "update";
            }
            updates.add(0, new OfficialIncident.Update(state, entry.body(), entry.at()));
        }
        return updates;
    }

    /** When an incident began: its first update, or the platform's start time when that is earlier. */
    static Instant began(Instant declared, List<OfficialIncident.Update> updates) {
        Instant first = updates.stream()
            .map(OfficialIncident.Update::at)
            .filter((at) -> at != null)
            .min(Comparator.naturalOrder())
            .orElse(null);
        if (first == null) {
            return declared;
        }
        return (declared == null || first.isBefore(declared)) ? first : declared;
    }

    /**
     * The reading: incidents newest first and maintenances soonest first, less those resolved before
     * {@code recentSince}. Without the page's own {@code overall}, the page is as bad as its worst open incident, and
     * under maintenance while one is in progress.
     */
    static OfficialStatus reading(String provider, Instant fetchedAt, OfficialLevel overall, String description,
            List<OfficialComponent> components, Collection<OfficialIncident> all, Instant recentSince) {
        List<OfficialIncident> incidents = new ArrayList<>();
        List<OfficialIncident> maintenances = new ArrayList<>();
        OfficialLevel worst = OfficialLevel.OPERATIONAL;
        for (OfficialIncident incident : all) {
            if (incident.resolved() && incident.resolvedAt().isBefore(recentSince)) {
                continue;
            }
            (incident.maintenance() ? maintenances : incidents).add(incident);
            if (incident.inProgress()) {
                worst = OfficialLevel.worse(worst, OfficialLevel.UNDER_MAINTENANCE);
            }
            else if (!incident.maintenance() && !incident.resolved()) {
                worst = OfficialLevel.worse(worst, incident.impact());
            }
        }
        incidents.sort(Comparator.comparing(OfficialIncident::createdAt).reversed());
        maintenances.sort(Comparator.comparing(
                (OfficialIncident m) -> (m.scheduledFor() != null) ? m.scheduledFor() : m.createdAt()));
        return new OfficialStatus(provider, fetchedAt, (overall != null) ? overall : worst, description, components,
                incidents, maintenances, null);
    }

    /**
     * The reading of a dashboard shared by many services (Google Cloud, AWS Health), kept to ours. The dashboard has
     * no level of its own: each component is operational unless an open incident names it, then as bad as the worst
     * such incident, and the page as bad as its worst open incident.
     *
     * @param names the components to show even when no incident names them, in this order
     * @param what what the dashboard lists, in the singular ("open incident", "current event")
     */
    static OfficialStatus shared(String provider, Instant fetchedAt, List<String> names, List<String> filter,
            List<OfficialIncident> incidents, String what, Instant recentSince) {
        Map<String, OfficialLevel> levels = new LinkedHashMap<>();
        names.forEach((name) -> levels.put(name, OfficialLevel.OPERATIONAL));
        for (OfficialIncident incident : incidents) {
            OfficialLevel level = incident.resolved() ? OfficialLevel.OPERATIONAL
                    : OfficialLevel.worse(OfficialLevel.OPERATIONAL, incident.impact());
            incident.components().forEach((name) -> levels.merge(name, level, OfficialLevel::worse));
        }
        List<OfficialComponent> components = new ArrayList<>();
        levels.forEach((name, level) -> components.add(OfficialComponent.of(name, level)));
        long open = incidents.stream().filter((incident) -> !incident.resolved()).count();
        String description = ((open == 0) ? "No " + what : open + " " + what + ((open == 1) ? "" : "s")) + " for "
                + String.join(", ", filter);
        return reading(provider, fetchedAt, null, description, components, incidents, recentSince);
    }

}
