package dev.llmstatus.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import dev.llmstatus.support.PostgresTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The history's SQL on PostgreSQL: batched inserts, rollups and bounded deletes. */
@SpringBootTest(properties = "llmstatus.probe.enabled=false")
@PostgresTest
class PostgresHistoryIntegrationTests {

    @Autowired
    ProbeResultRepository results;

    @Autowired
    HourlyRollupRepository rollups;

    @Autowired
    EntityManager entityManager;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProbeHistory history;

    private final String slug = "pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void resultsRollupsAndPruningWorkOnPostgresql() {
        HistoryWriter writer = writer();
        Instant now = Instant.now();
        for (int i = 0; i < 1200; i++) {
            writer.add(new ProbeResult(this.slug, "api", now.minusSeconds(i), Duration.ofMillis(i % 300), 401,
                    Outcome.UP, null, "TLSv1.3", null, "application/json", List.of("rate_limit_error"), "HTTP 401"));
        }
        writer.add(new ProbeResult(this.slug, "old", now.minus(Duration.ofDays(9)), Duration.ofMillis(5), null,
                Outcome.DOWN, ErrorClass.DNS, null, null, null, null, "DNS lookup failed"));
        assertThat(writer.flush()).isEqualTo(1201);
        assertThat(this.history.resultsSince(now.minusSeconds(3600)))
            .filteredOn((r) -> r.provider().equals(this.slug))
            .hasSize(1200)
            .first()
            .satisfies((r) -> assertThat(r.signatures()).containsExactly("rate_limit_error"));
        HistoryMaintenance maintenance = new HistoryMaintenance(this.jdbc, this.rollups, this.entityManager,
                this.transactions, ProbeTestSupport.properties(Map.of("llmstatus.probe.prune-batch-size", "100")), Clock.systemUTC());
        maintenance.rollup();
        assertThat(this.history.rollupsSince(now.minus(Duration.ofHours(3))))
            .filteredOn((r) -> r.provider().equals(this.slug))
            .extracting(HourlyRollup::checks)
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Integer.class))
            .satisfies((checks) -> assertThat(checks.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1200));
        maintenance.prune();
        assertThat(this.jdbc.queryForObject("select count(*) from probe_result where provider = ? and component = 'old'",
                Integer.class, this.slug)).isZero();
    }

    private HistoryWriter writer() {
        return new HistoryWriter(ProbeTestSupport.properties(Map.of("llmstatus.probe.max-pending", "10000")),
                this.results, this.entityManager, this.transactions, this.events, Clock.systemUTC());
    }

}
