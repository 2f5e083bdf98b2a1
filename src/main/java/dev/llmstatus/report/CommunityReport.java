package dev.llmstatus.report;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stored report. Holds the reporter's daily hash, never an address.
 */
@Entity
@Table(name = "community_report")
class CommunityReport {

    /** Reports are counted in 5-minute slots. */
    static final long BUCKET_SECONDS = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String provider;

    private String component;

    @Enumerated(EnumType.STRING)
    @Column(name = "report_type", nullable = false)
    private ReportType type;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "comment_text")
    private String comment;

    @Column(nullable = false)
    private String reporter;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private long bucket;

    protected CommunityReport() {
    }

    CommunityReport(String provider, String component, ReportType type, String errorCode, String comment,
            String reporter, Instant createdAt) {
        this.provider = provider;
        this.component = component;
        this.type = type;
        this.errorCode = errorCode;
        this.comment = comment;
        this.reporter = reporter;
        this.createdAt = createdAt;
        this.bucket = bucket(createdAt);
    }

    static long bucket(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), BUCKET_SECONDS);
    }

}
