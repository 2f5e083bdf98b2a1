package dev.llmstatus.official;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An incident or a maintenance as the provider's official page reports it.
 *
 * @param provider provider slug
 * @param externalId the page's own id (or the feed entry's id)
 * @param name its title
 * @param impact its impact in the page's words ({@link OfficialLevel#UNKNOWN} when the source does not say)
 * @param state the page's state word: investigating, identified, monitoring, resolved, postmortem; for maintenances
 * scheduled, in_progress, verifying, completed
 * @param createdAt when it began: its first update (for a maintenance, when it was announced)
 * @param resolvedAt when it was resolved or completed, or {@code null} while not
 * @param link the incident's page, or {@code null}
 * @param components names of the official components it affects
 * @param updates its timeline, newest first
 * @param maintenance whether it is a scheduled maintenance rather than an incident
 * @param scheduledFor a maintenance's announced start, or {@code null}
 * @param scheduledUntil a maintenance's announced end, or {@code null}
 */
public record OfficialIncident(String provider, String externalId, String name, OfficialLevel impact, String state,
        Instant createdAt, Instant resolvedAt, URI link, List<String> components, List<Update> updates,
        boolean maintenance, Instant scheduledFor, Instant scheduledUntil) {

    private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    private static final Set<String> MAINTENANCE_RUNNING = Set.of("in_progress", "verifying");

    public OfficialIncident {
        components = (components != null) ? List.copyOf(components) : List.of();
        updates = (updates != null) ? List.copyOf(updates) : List.of();
    }

    /** An incident (not a maintenance). */
    public OfficialIncident(String provider, String externalId, String name, OfficialLevel impact, String state,
            Instant createdAt, Instant resolvedAt, URI link, List<String> components, List<Update> updates) {
        this(provider, externalId, name, impact, state, createdAt, resolvedAt, link, components, updates, false, null,
                null);
    }

    public boolean resolved() {
        return this.resolvedAt != null;
    }

    /** A maintenance that has started and not completed. */
    public boolean inProgress() {
        return this.maintenance && !resolved() && MAINTENANCE_RUNNING.contains(this.state);
    }

    /** A maintenance announced and not started. */
    public boolean upcoming() {
        return this.maintenance && !resolved() && !MAINTENANCE_RUNNING.contains(this.state);
    }

    /**
     * A short id for URLs, stable across restarts and re-imports: the page's own id when it is already short and
     * URL-safe (Statuspage ids are), else a digest of it (feed ids are URLs or tags).
     */
    public String publicId() {
        if (URL_SAFE.matcher(this.externalId).matches()) {
            return this.externalId;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(this.externalId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * One entry of an official incident's timeline.
     *
     * @param state the state word at that point
     * @param body what the provider wrote, as sanitized HTML (safe to render as is)
     * @param at when it was posted, or {@code null} when the source gives no time
     */
    public record Update(String state, String body, Instant at) {

        /** The body as plain text. */
        public String text() {
            return OfficialHtml.text(this.body);
        }

    }

}
