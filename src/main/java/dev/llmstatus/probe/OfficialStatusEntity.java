package dev.llmstatus.probe;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import dev.llmstatus.status.Status;

/** The latest reading of one provider's official page (one row per provider, replaced at each reading). */
@Entity
@Table(name = "official_status")
class OfficialStatusEntity {

    @Id
    private String provider;

    @Column(name = "fetched_at")
    private Instant fetchedAt;

    @Enumerated(EnumType.STRING)
    private Status overall;

    private String description;

    private String error;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "official_status_component", joinColumns = @JoinColumn(name = "provider"))
    @OrderColumn(name = "idx")
    private List<Level> components = new ArrayList<>();

    protected OfficialStatusEntity() {
    }

    OfficialStatusEntity(String provider) {
        this.provider = provider;
    }

    void update(OfficialStatus status) {
        this.fetchedAt = status.fetchedAt();
        this.overall = status.overall();
        this.description = ProbeResultEntity.cut(status.description(), 255);
        this.error = ProbeResultEntity.cut(status.error(), 500);
        this.components.clear();
        status.components().forEach((name, level) -> this.components.add(new Level(ProbeResultEntity.cut(name, 255), level)));
    }

    String provider() {
        return this.provider;
    }

    OfficialStatus toStatus(List<OfficialIncident> incidents) {
        Map<String, Status> levels = new LinkedHashMap<>();
        this.components.forEach((level) -> levels.put(level.name, level.status));
        return new OfficialStatus(this.provider, this.fetchedAt, this.overall, this.description, levels, incidents,
                this.error);
    }

    @Embeddable
    static class Level {

        private String name;

        @Enumerated(EnumType.STRING)
        private Status status;

        protected Level() {
        }

        Level(String name, Status status) {
            this.name = name;
            this.status = status;
        }

    }

}
