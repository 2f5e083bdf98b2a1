package dev.llmstatus.probe;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.llmstatus.status.Status;

/**
 * An incident as the provider's official page reports it.
 *
 * @param provider provider slug
 * @param externalId the page's own id (or the feed entry's id)
 * @param name its title
 * @param impact its impact on our scale ({@link Status#UNKNOWN} when the source does not say)
 * @param state the page's state word: investigating, identified, monitoring, resolved, postmortem
 * @param createdAt when it was opened
 * @param resolvedAt when it was resolved, or {@code null} while unresolved
 * @param link the incident's page, or {@code null}
 * @param components names of the official components it affects
 * @param updates its timeline, newest first
 */
public record OfficialIncident(String provider, String externalId, String name, Status impact, String state,
        Instant createdAt, Instant resolvedAt, URI link, List<String> components, List<Update> updates) {

    public OfficialIncident {
        components = (components != null) ? List.copyOf(components) : List.of();
        updates = (updates != null) ? List.copyOf(updates) : List.of();
    }

    public boolean resolved() {
        return this.resolvedAt != null;
    }

    /**
     * One entry of an official incident's timeline.
     *
     * @param state the state word at that point
     * @param body what the provider wrote (plain text)
     * @param at when it was posted
     */
    public record Update(String state, String body, Instant at) {
    }

}
