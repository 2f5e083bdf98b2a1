package dev.llmstatus.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "llmstatus.probe.enabled=false")
class HistoryMaintenanceIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProbeResultRepository results;

    @Autowired
    HourlyRollupRepository rollups;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ProbeHistory history;

    @Test
    void pruneDeletesExpiredRowsInBoundedBatchesAndKeepsTheRest() {
        Instant now = Instant.now();
        List<ProbeResultEntity> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(entity("prune-old", now.minus(Duration.ofDays(8)).plusSeconds(i), Outcome.UP, 100));
        }
        for (int i = 0; i < 5; i++) {
            rows.add(entity("prune-new", now.minusSeconds(60 + i), Outcome.UP, 100));
        }
        this.results.saveAll(rows);
        this.rollups.save(new HourlyRollupEntity(new HourlyRollup("prune-old", "api",
                now.minus(Duration.ofDays(91)).truncatedTo(ChronoUnit.HOURS), 60, 0, 0, 100, 200)));
        int deleted = maintenance(Map.of("llmstatus.probe.prune-batch-size", "7")).prune();
        assertThat(deleted).isGreaterThanOrEqualTo(26);
        assertThat(count("prune-old")).isZero();
        assertThat(count("prune-new")).isEqualTo(5);
        assertThat(this.history.rollupsSince(now.minus(Duration.ofDays(365))))
            .noneMatch((rollup) -> rollup.provider().equals("prune-old"));
    }

    @Test
    void rollupCountsChecksFailuresDegradedAndLatencyPercentiles() {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
        List<ProbeResultEntity> rows = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            Outcome outcome = (i <= 2) ? Outcome.DOWN : (i <= 5) ? Outcome.DEGRADED : Outcome.UP;
            rows.add(entity("rollup-p", hour.plusSeconds(i * 60L), outcome, i * 10L));
        }
        this.results.saveAll(rows);
        maintenance(Map.of()).rollup();
        HourlyRollup rollup = this.history.rollupsSince(hour)
            .stream()
            .filter((r) -> r.provider().equals("rollup-p") && r.hour().equals(hour))
            .findFirst()
            .orElseThrow();
        assertThat(rollup.checks()).isEqualTo(20);
        assertThat(rollup.failures()).isEqualTo(2);
        assertThat(rollup.degraded()).isEqualTo(3);
        assertThat(rollup.p50Millis()).isEqualTo(100);
        assertThat(rollup.p95Millis()).isEqualTo(190);
    }

    private HistoryMaintenance maintenance(Map<String, String> properties) {
        return new HistoryMaintenance(this.jdbc, this.rollups, this.entityManager, this.transactions,
                ProbeTestSupport.properties(properties), Clock.systemUTC());
    }

    private int count(String provider) {
        return this.jdbc.queryForObject("select count(*) from probe_result where provider = ?", Integer.class,
                provider);
    }

    private static ProbeResultEntity entity(String provider, Instant at, Outcome outcome, long latency) {
        return new ProbeResultEntity(new ProbeResult(provider, "api", at, Duration.ofMillis(latency), 200, outcome,
                (outcome == Outcome.DOWN) ? ErrorClass.HTTP_5XX : null, null, null, null, null, "test"));
    }

}
