package dev.llmstatus.probe;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "probe_rollup")
class HourlyRollupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "probe_rollup_seq")
    @SequenceGenerator(name = "probe_rollup_seq", sequenceName = "probe_rollup_seq", allocationSize = 50)
    private Long id;

    private String provider;

    private String component;

    @Column(name = "hour_start")
    private Instant hour;

    private int checks;

    private int failures;

    private int degraded;

    @Column(name = "p50_ms")
    private long p50Millis;

    @Column(name = "p95_ms")
    private long p95Millis;

    protected HourlyRollupEntity() {
    }

    HourlyRollupEntity(HourlyRollup rollup) {
        this.provider = rollup.provider();
        this.component = rollup.component();
        this.hour = rollup.hour();
        this.checks = rollup.checks();
        this.failures = rollup.failures();
        this.degraded = rollup.degraded();
        this.p50Millis = rollup.p50Millis();
        this.p95Millis = rollup.p95Millis();
    }

    HourlyRollup toRollup() {
        return new HourlyRollup(this.provider, this.component, this.hour, this.checks, this.failures, this.degraded,
                this.p50Millis, this.p95Millis);
    }

}
