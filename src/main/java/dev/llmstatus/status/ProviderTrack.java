package dev.llmstatus.status;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The level at which a provider's incidents were last tracked, and its open incident. Versioned, so that two
 * instances applying the same transition cannot both record it: the instance whose write finds the version moved
 * has lost.
 */
@Entity
@Table(name = "provider_track")
class ProviderTrack {

    @Id
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status level;

    private Instant since;

    @Column(name = "open_incident_id")
    private Long openIncidentId;

    /** The newest evidence the last recorded change was decided on. */
    @Column(name = "evidence_at")
    private Instant evidenceAt;

    @Version
    private long version;

    protected ProviderTrack() {
    }

    ProviderTrack(String provider) {
        this.provider = provider;
        this.level = Status.OPERATIONAL;
    }

    String getProvider() {
        return this.provider;
    }

    Status getLevel() {
        return this.level;
    }

    Instant getSince() {
        return this.since;
    }

    Long getOpenIncidentId() {
        return this.openIncidentId;
    }

    long getVersion() {
        return this.version;
    }

    Instant getEvidenceAt() {
        return this.evidenceAt;
    }

    /** Notes the evidence of a recorded change; evidence only moves forward. */
    void decidedOn(Instant evidence) {
        if (evidence != null && (this.evidenceAt == null || evidence.isAfter(this.evidenceAt))) {
            this.evidenceAt = evidence;
        }
    }

    void track(Status level, Instant since, Long openIncidentId) {
        this.level = level;
        this.since = since;
        this.openIncidentId = openIncidentId;
    }

}
