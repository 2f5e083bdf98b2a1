package dev.llmstatus.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens an incident when a provider leaves operational (after damping), posts an update when its level changes,
 * and resolves it when the provider is back. Writes only on transitions; an unknown level changes nothing,
 * because "we cannot tell" is neither a recovery nor a new failure.
 */
@Component
class IncidentTracker {

    private final ProviderTrackRepository tracks;

    private final IncidentRepository incidents;

    IncidentTracker(ProviderTrackRepository tracks, IncidentRepository incidents) {
        this.tracks = tracks;
        this.incidents = incidents;
    }

    /**
     * Applies one provider's current verdict.
     *
     * @param provider the provider's slug
     * @param name the provider's display name
     * @param level its level now
     * @param reason the headline in words
     * @param since when the level began, or {@code null} when unknown
     * @param affected names of the components at a problem level
     * @param now the present
     * @return true when something was written
     */
    @Transactional
    public boolean apply(String provider, String name, Status level, String reason, Instant since,
            List<String> affected, Instant now) {
        if (!level.known()) {
            return false;
        }
        ProviderTrack track = this.tracks.findById(provider).orElseGet(() -> new ProviderTrack(provider));
        boolean problem = level.problem();
        Instant at = (since != null && !since.isAfter(now)) ? since : now;
        Long openId = track.getOpenIncidentId();
        if (openId == null) {
            if (!problem) {
                if (track.getLevel() == level) {
                    return false;
                }
                track.track(level, at, null);
                this.tracks.save(track);
                return true;
            }
            Incident incident = new Incident(provider, title(name, level, affected), level, affected, at);
            incident.post(at, level, reason);
            this.incidents.save(incident);
            track.track(level, at, incident.getId());
            this.tracks.save(track);
            return true;
        }
        Incident incident = this.incidents.findById(openId).orElse(null);
        if (incident == null || incident.getResolvedAt() != null) {
            track.track(track.getLevel(), at, null);
            this.tracks.save(track);
            return true;
        }
        if (!problem) {
            incident.resolve(at);
            incident.post(incident.getResolvedAt(), level, "Resolved: " + reason);
            track.track(level, at, null);
            this.tracks.save(track);
            return true;
        }
        if (incident.getLevel() == level && incident.getComponents().containsAll(affected)) {
            return false;
        }
        incident.changeLevel(level, affected, title(name, level, affected));
        incident.post(at, level, "Now " + level.label().toLowerCase(Locale.ROOT) + ": " + reason);
        track.track(level, at, openId);
        this.tracks.save(track);
        return true;
    }

    private static String title(String name, Status level, List<String> affected) {
        return name + ": " + level.label().toLowerCase(Locale.ROOT)
                + (affected.isEmpty() ? "" : " of " + String.join(", ", affected));
    }

}
