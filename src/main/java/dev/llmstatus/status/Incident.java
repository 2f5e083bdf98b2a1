package dev.llmstatus.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * An incident our monitor detected: opened when a provider left operational, resolved when it came back.
 */
@Entity
@Table(name = "incident")
class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String provider;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status impact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status level;

    @Column(nullable = false)
    private String components;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
    @OrderBy("postedAt DESC, id DESC")
    private List<IncidentUpdate> updates = new ArrayList<>();

    protected Incident() {
    }

    Incident(String provider, String title, Status level, List<String> components, Instant startedAt) {
        this.provider = provider;
        this.title = title;
        this.impact = level;
        this.level = level;
        this.components = String.join(", ", components);
        this.startedAt = startedAt;
    }

    Long getId() {
        return this.id;
    }

    String getProvider() {
        return this.provider;
    }

    String getTitle() {
        return this.title;
    }

    Status getImpact() {
        return this.impact;
    }

    Status getLevel() {
        return this.level;
    }

    List<String> getComponents() {
        return this.components.isEmpty() ? List.of() : Arrays.asList(this.components.split(", "));
    }

    Instant getStartedAt() {
        return this.startedAt;
    }

    Instant getResolvedAt() {
        return this.resolvedAt;
    }

    List<IncidentUpdate> getUpdates() {
        return this.updates;
    }

    void post(Instant at, Status level, String message) {
        this.updates.add(0, new IncidentUpdate(this, at, level, message));
    }

    void changeLevel(Status level, List<String> affected, String title) {
        this.level = level;
        this.impact = Status.worse(this.impact, level);
        Set<String> merged = new LinkedHashSet<>(getComponents());
        merged.addAll(affected);
        this.components = String.join(", ", merged);
        if (level.severity() >= this.impact.severity()) {
            this.title = title;
        }
    }

    void resolve(Instant at) {
        this.resolvedAt = at.isBefore(this.startedAt) ? this.startedAt : at;
    }

}
