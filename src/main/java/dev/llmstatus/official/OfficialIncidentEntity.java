package dev.llmstatus.official;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An incident imported from an official page, keyed by provider and the page's own id. Versioned: of two instances
 * storing the same change at once, one commits and the other rolls back ({@link OfficialPages}).
 */
@Entity
@Table(name = "official_incident")
class OfficialIncidentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    private String provider;

    @Column(name = "external_id")
    private String externalId;

    private String name;

    @Enumerated(EnumType.STRING)
    private OfficialLevel impact;

    private boolean maintenance;

    @Column(name = "scheduled_for")
    private Instant scheduledFor;

    @Column(name = "scheduled_until")
    private Instant scheduledUntil;

    private String state;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    private String link;

    @ElementCollection
    @CollectionTable(name = "official_incident_component", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "idx")
    @Column(name = "name")
    private List<String> components = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "official_incident_update", joinColumns = @JoinColumn(name = "incident_id"))
    @OrderColumn(name = "idx")
    private List<Update> updates = new ArrayList<>();

    protected OfficialIncidentEntity() {
    }

    OfficialIncidentEntity(String provider, String externalId) {
        this.provider = provider;
        this.externalId = externalId;
    }

    void update(OfficialIncident incident) {
        this.name = OfficialStatusEntity.cut(incident.name(), 500);
        this.impact = incident.impact();
        this.maintenance = incident.maintenance();
        this.scheduledFor = incident.scheduledFor();
        this.scheduledUntil = incident.scheduledUntil();
        this.state = OfficialStatusEntity.cut(incident.state(), 32);
        this.createdAt = incident.createdAt();
        this.resolvedAt = incident.resolvedAt();
        this.link = (incident.link() != null) ? OfficialStatusEntity.cut(incident.link().toString(), 1000) : null;
        List<String> names = incident.components().stream().map((name) -> OfficialStatusEntity.cut(name, 255)).toList();
        if (!names.equals(this.components)) {
            this.components.clear();
            this.components.addAll(names);
        }
        List<Update> timeline = incident.updates()
            .stream()
            .map((update) -> new Update(OfficialStatusEntity.cut(update.state(), 32),
                    OfficialStatusEntity.cut(update.body(), 10000), update.at()))
            .toList();
        if (!timeline.equals(this.updates)) {
            this.updates.clear();
            this.updates.addAll(timeline);
        }
    }

    /** Marks an incident resolved (a maintenance completed) that the page no longer lists as open. */
    void resolve(Instant at) {
        this.resolvedAt = at;
        this.state = this.maintenance ? "completed" : "resolved";
    }

    boolean maintenance() {
        return this.maintenance;
    }

    String externalId() {
        return this.externalId;
    }

    boolean resolved() {
        return this.resolvedAt != null;
    }

    /** Whether the row is in the database already (a new one has no id until it is inserted). */
    boolean stored() {
        return this.id != null;
    }

    /** The row's version: 0 when inserted, one more with each stored change. */
    long version() {
        return this.version;
    }

    OfficialIncident toIncident() {
        return new OfficialIncident(this.provider, this.externalId, this.name, this.impact, this.state,
                this.createdAt, this.resolvedAt, (this.link != null) ? URI.create(this.link) : null,
                List.copyOf(this.components), this.updates.stream().map(Update::toUpdate).toList(), this.maintenance,
                this.scheduledFor, this.scheduledUntil);
    }

    @Embeddable
    static class Update {

        private String state;

        private String body;

        @Column(name = "posted_at")
        private Instant postedAt;

        protected Update() {
        }

        Update(String state, String body, Instant postedAt) {
            this.state = state;
            this.body = body;
            this.postedAt = postedAt;
        }

        OfficialIncident.Update toUpdate() {
            return new OfficialIncident.Update(this.state, this.body, this.postedAt);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Update that && Objects.equals(this.state, that.state)
                    && Objects.equals(this.body, that.body)
                    && Objects.equals(this.postedAt, that.postedAt);
        }

        @Override
        public int hashCode() {
            return Objects.hash(this.state, this.body, this.postedAt);
        }

    }

}
