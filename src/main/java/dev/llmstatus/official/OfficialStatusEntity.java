package dev.llmstatus.official;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

/** The latest reading of one provider's official page (one row per provider, replaced at each reading). */
@Entity
@Table(name = "official_status")
class OfficialStatusEntity {

    @Id
    private String provider;

    @Column(name = "fetched_at")
    private Instant fetchedAt;

    @Enumerated(EnumType.STRING)
    private OfficialLevel overall;

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
        this.description = cut(status.description(), 255);
        this.error = cut(status.error(), 500);
        this.components.clear();
        status.components()
            .forEach((component) -> this.components.add(new Level(cut(component.name(), 255),
                    cut(component.group(), 255), component.level(), component.isGroup())));
    }

    String provider() {
        return this.provider;
    }

    OfficialStatus toStatus(List<OfficialIncident> incidents, List<OfficialIncident> maintenances) {
        List<OfficialComponent> list = this.components.stream()
            .map((level) -> new OfficialComponent(level.name, level.groupName, level.status, level.isGroup))
            .toList();
        return new OfficialStatus(this.provider, this.fetchedAt, this.overall, this.description, list, incidents,
                maintenances, this.error);
    }

    static String cut(String text, int max) {
        return (text == null || text.length() <= max) ? text : text.substring(0, max);
    }

    @Embeddable
    static class Level {

        private String name;

        @Column(name = "group_name")
        private String groupName;

        @Enumerated(EnumType.STRING)
        private OfficialLevel status;

        @Column(name = "is_group")
        private boolean isGroup;

        protected Level() {
        }

        Level(String name, String groupName, OfficialLevel status, boolean isGroup) {
            this.name = name;
            this.groupName = groupName;
            this.status = status;
            this.isGroup = isGroup;
        }

    }

}
