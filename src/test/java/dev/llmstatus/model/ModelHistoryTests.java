package dev.llmstatus.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.ProbeProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Model results written in batches, read back, rolled up by hour and pruned with the probes' retention. */
class ModelHistoryTests {

    private static final Instant NOW = Instant.parse("2026-03-10T12:30:00Z");

    private JdbcTemplate jdbc;

    private final List<Object> events = new ArrayList<>();

    @BeforeEach
    void migrate() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:models-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
    }

    private static ModelResult result(String model, Instant at, ModelOutcome outcome, Long ttft, Double rate) {
        return new ModelResult("sim", model, at, outcome, (outcome == ModelOutcome.OK) ? 200 : 529, ttft, 900, 8, rate,
                (outcome == ModelOutcome.OK) ? true : null, (outcome == ModelOutcome.OK) ? null : "overloaded_error",
                null, "req_1", null, "detail");
    }

    @Test
    void resultsAreWrittenInBatchesAndReadBackWhole() {
        ModelHistoryWriter writer = new ModelHistoryWriter(this.jdbc, this.events::add, Clock.fixed(NOW, ZoneOffset.UTC));
        ModelResult ok = result("a", NOW.minusSeconds(60), ModelOutcome.OK, 300L, 42.5);
        ModelResult failed = new ModelResult("sim", "a", NOW, ModelOutcome.TIMEOUT, null, null, 30000, null, null,
                null, null, null, null, null, "no first token within 30 s");
        writer.add(ok);
        writer.add(failed);
        assertThat(writer.flush()).isEqualTo(2);
        assertThat(this.events).hasSize(1);
        ModelHistory history = new ModelHistory(this.jdbc);
        assertThat(history.resultsSince(NOW.minusSeconds(3600))).containsExactly(ok, failed);
        assertThat(history.requestsSince(NOW.minusSeconds(3600))).isEqualTo(Map.of("sim", 2L));
    }

    @Test
    void hourlyRollupsCountImpactsAndPercentilesAndExpiredRowsArePruned() {
        ModelHistoryWriter writer = new ModelHistoryWriter(this.jdbc, this.events::add, Clock.fixed(NOW, ZoneOffset.UTC));
        Instant hour = Instant.parse("2026-03-10T11:00:00Z");
        for (int i = 0; i < 10; i++) {
            writer.add(result("a", hour.plusSeconds(60 * i), ModelOutcome.OK, 100L * (i + 1), 10.0 * (i + 1)));
        }
        writer.add(result("a", hour.plusSeconds(1200), ModelOutcome.SERVER_ERROR, null, null));
        writer.add(new ModelResult("sim", "a", hour.plusSeconds(1300), ModelOutcome.KEY_REJECTED, 401, null, 50, null,
                null, null, "invalid_api_key", null, null, null, "HTTP 401"));
        writer.add(result("a", Instant.parse("2026-02-01T00:00:00Z"), ModelOutcome.OK, 100L, 10.0));
        writer.flush();
        ProbeProperties retention = new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("llmstatus.probe", ProbeProperties.class);
        ModelMaintenance maintenance = new ModelMaintenance(this.jdbc,
                new TransactionTemplate(new DataSourceTransactionManager(this.jdbc.getDataSource())), retention,
                Clock.fixed(NOW, ZoneOffset.UTC));
        maintenance.rollup();
        List<ModelRollup> rollups = new ModelHistory(this.jdbc).rollupsSince(hour.minus(Duration.ofDays(1)));
        assertThat(rollups).containsExactly(
                new ModelRollup("sim", "a", hour, 12, 1, 0, 1, 500L, 1000L, 50.0));
        assertThat(maintenance.prune()).isEqualTo(1);
        assertThat(this.jdbc.queryForObject("select count(*) from model_result", Integer.class)).isEqualTo(12);
    }

}
