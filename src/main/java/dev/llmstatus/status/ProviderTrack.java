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
 * instances applying the same transition cannot both open an incident.
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

    @Version
    private long version;

    protected ProviderTrack() {
    }

    ProviderTrack(String provider) {
        this.provider = provider;
        this.level = Status.OPERATIONAL;
    }

    Status getLevel() {
        return this.level;
    }

    Long getOpenIncidentId() {
        return this.openIncidentId;
    }

    void track(Status level, Instant since, Long openIncidentId) {
        this.level = level;
        this.since = since;
        this.openIncidentId = openIncidentId;
    }

}
