package dev.llmstatus.status;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One entry of an incident's timeline.
 */
@Entity
@Table(name = "incident_update")
class IncidentUpdate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "incident_id")
    private Incident incident;

    @Column(name = "posted_at", nullable = false)
    private Instant postedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status level;

    @Column(nullable = false)
    private String message;

    protected IncidentUpdate() {
    }

    IncidentUpdate(Incident incident, Instant postedAt, Status level, String message) {
        this.incident = incident;
        this.postedAt = postedAt;
        this.level = level;
        this.message = IncidentTexts.fit(message, IncidentTexts.MESSAGE);
    }

    Instant getPostedAt() {
        return this.postedAt;
    }

    Status getLevel() {
        return this.level;
    }

    String getMessage() {
        return this.message;
    }

}
