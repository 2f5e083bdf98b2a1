package dev.llmstatus.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.llmstatus.official.OfficialIncident;

/**
 * An incident as pages show it: one we detected, or one the provider's official page reports.
 *
 * @param id stable, short, URL-safe identifier (ours: {@code m-<id>}; official: {@code o-<the page's id or a digest
 * of it>})
 * @param official true when it comes from the provider's official status page
 * @param title what happened
 * @param impact the worst level it reached
 * @param state "ongoing"/"resolved" for ours, the page's own word for official ones
 * @param startedAt when it began
 * @param resolvedAt when it ended, or {@code null} while ongoing
 * @param components names of the affected components
 * @param timeline its updates, newest first
 * @param link the official incident page, or {@code null}
 * @param leadMinutes for ours, how many minutes before the official page we saw it (negative: after); {@code null}
 * when no official incident matches
 */
public record IncidentView(String id, boolean official, String title, Status impact, String state, Instant startedAt,
        Instant resolvedAt, List<String> components, List<Entry> timeline, URI link, Long leadMinutes) {

    public IncidentView {
        components = List.copyOf(components);
        timeline = List.copyOf(timeline);
    }

    /** An official incident or maintenance as pages show it. */
    public static IncidentView of(OfficialIncident incident) {
        List<Entry> timeline = incident.updates()
            .stream()
            .map((u) -> new Entry(u.at(), u.state(), u.text(), u.body()))
            .toList();
        Instant began = (incident.maintenance() && incident.scheduledFor() != null) ? incident.scheduledFor()
                : incident.createdAt();
        return new IncidentView(officialId(incident), true, incident.name(), OfficialLevels.of(incident.impact()),
                incident.state(), began, incident.resolvedAt(), incident.components(), timeline, incident.link(),
                null);
    }

    /** The id pages use for an official incident or maintenance. */
    public static String officialId(OfficialIncident incident) {
        return "o-" + incident.publicId();
    }

    /** The path of an incident's page, relative to the site: the one place every link to it is built from. */
    public static String path(String slug, String id) {
        return "/status/" + slug + "/incidents/" + id;
    }

    public boolean ongoing() {
        return this.resolvedAt == null;
    }

    /** Its length so far, or in all once resolved. */
    public Duration duration(Instant now) {
        Instant end = (this.resolvedAt != null) ? this.resolvedAt : now;
        return end.isBefore(this.startedAt) ? Duration.ZERO : Duration.between(this.startedAt, end);
    }

    /**
     * One update of an incident's timeline.
     *
     * @param at when, or {@code null} when the source gives no time
     * @param state the state or level at that point, in words
     * @param text what was said, as plain text
     * @param html what was said, as sanitized HTML (safe to render as is)
     */
    public record Entry(Instant at, String state, String text, String html) {
    }

}
