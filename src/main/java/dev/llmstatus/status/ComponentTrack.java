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
 * The level at which a component's changes were last recorded. Versioned like {@link ProviderTrack}, so that two
 * instances cannot both record the same change.
 */
@Entity
@Table(name = "component_track")
class ComponentTrack {

    @Id
    private String id;

    @Column(nullable = false)
    private String provider;

    @Column(nullable = false)
    private String component;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status level;

    private Instant since;

    /** How many changes were recorded: names each change's event. */
    @Column(nullable = false)
    private long changes;

    @Version
    private long version;

    protected ComponentTrack() {
    }

    ComponentTrack(String provider, String component) {
        this.id = provider + '/' + component;
        this.provider = provider;
        this.component = component;
        this.level = Status.OPERATIONAL;
    }

    String getProvider() {
        return this.provider;
    }

    String getComponent() {
        return this.component;
    }

    Status getLevel() {
        return this.level;
    }

    Instant getSince() {
        return this.since;
    }

    long getChanges() {
        return this.changes;
    }

    void change(Status level, Instant since) {
        this.level = level;
        this.since = since;
        this.changes++;
    }

}
