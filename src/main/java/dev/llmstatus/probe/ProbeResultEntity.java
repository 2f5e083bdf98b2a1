package dev.llmstatus.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One raw probe result. Ids come from a pooled sequence rather than an identity column so that Hibernate can batch
 * the inserts.
 */
@Entity
@Table(name = "probe_result")
class ProbeResultEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "probe_result_seq")
    @SequenceGenerator(name = "probe_result_seq", sequenceName = "probe_result_seq", allocationSize = 50)
    private Long id;

    private String provider;

    private String component;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "latency_ms")
    private long latencyMillis;

    @Column(name = "http_status")
    private Integer httpStatus;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    @Enumerated(EnumType.STRING)
    @Column(name = "error_class")
    private ErrorClass errorClass;

    private String tls;

    @Column(name = "retry_after")
    private String retryAfter;

    @Column(name = "content_type")
    private String contentType;

    private String signatures;

    private String detail;

    @Column(name = "under_load")
    private boolean underLoad;

    protected ProbeResultEntity() {
    }

    ProbeResultEntity(ProbeResult result) {
        this.provider = result.provider();
        this.component = result.component();
        this.startedAt = result.startedAt();
        this.latencyMillis = result.latency().toMillis();
        this.httpStatus = result.httpStatus();
        this.outcome = result.outcome();
        this.errorClass = result.errorClass();
        this.tls = result.tls();
        this.retryAfter = cut(result.retryAfter(), 64);
        this.contentType = cut(result.contentType(), 128);
        this.signatures = result.signatures().isEmpty() ? null : cut(String.join(",", result.signatures()), 512);
        this.detail = cut(result.detail(), 255);
        this.underLoad = result.measuredUnderLoad();
    }

    ProbeResult toResult() {
        List<String> signatureList = (this.signatures != null) ? Arrays.asList(this.signatures.split(",")) : List.of();
        return new ProbeResult(this.provider, this.component, this.startedAt, Duration.ofMillis(this.latencyMillis),
                this.httpStatus, this.outcome, this.errorClass, this.tls, this.retryAfter, this.contentType,
                signatureList, this.detail, Measurements.NONE, this.underLoad);
    }

    static String cut(String text, int max) {
        return (text != null && text.length() > max) ? text.substring(0, max) : text;
    }

}
