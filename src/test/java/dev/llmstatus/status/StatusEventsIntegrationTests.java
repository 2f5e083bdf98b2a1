package dev.llmstatus.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.support.ProbeScript;
import dev.llmstatus.support.ScriptedHistoryConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events incident tracking publishes: one per change, inside the transaction that records it, with ids that
 * name the change.
 */
@SpringBootTest(properties = { "llmstatus.probe.enabled=false", "llmstatus.status.rebuild-interval=1h" })
@Import({ ScriptedHistoryConfiguration.class, StatusEventLog.Configuration.class })
class StatusEventsIntegrationTests {

    @Autowired
    StatusEngine engine;

    @Autowired
    ProbeScript script;

    @Autowired
    StatusEventLog events;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void reset() {
        this.script.reset();
        this.events.clear();
    }

    @Test
    void anOutageAndItsRecoveryPublishEachChangeOnce() {
        this.script.healthy(3);
        this.engine.rebuild();
        assertThat(this.events.committed).isEmpty();

        this.script.failing(3, "stepfun/api");
        this.engine.rebuild();
        this.engine.rebuild();
        long id = this.jdbc.queryForObject("select id from incident", Long.class);
        assertThat(this.events.committed).hasSize(2);
        assertThat(this.events.committed.get(0)).isInstanceOfSatisfying(ComponentLevelChanged.class, (changed) -> {
            assertThat(changed.eventId()).isEqualTo("component-stepfun/api-1");
            assertThat(changed.component()).isEqualTo("api");
            assertThat(changed.oldLevel()).isEqualTo(Status.OPERATIONAL);
            assertThat(changed.newLevel()).isEqualTo(Status.MAJOR_OUTAGE);
            assertThat(changed.reason()).startsWith("front door failing");
        });
        assertThat(this.events.committed.get(1)).isInstanceOfSatisfying(IncidentOpened.class, (opened) -> {
            assertThat(opened.eventId()).isEqualTo("incident-" + id + "-opened");
            assertThat(opened.incidentId()).isEqualTo("m-" + id);
            assertThat(opened.provider()).isEqualTo("stepfun");
            assertThat(opened.official()).isFalse();
            assertThat(opened.components()).containsExactly("api");
            assertThat(opened.level()).isEqualTo(Status.PARTIAL_OUTAGE);
            assertThat(opened.title()).isEqualTo("StepFun: partial outage of API");
        });

        this.script.failing(3, "stepfun");
        this.engine.rebuild();
        this.script.healthy(3);
        this.engine.rebuild();
        this.engine.rebuild();

        assertThat(this.events.ids()).containsExactly("component-stepfun/api-1", "incident-" + id + "-opened",
                "component-stepfun/web-1", "incident-" + id + "-updated-2", "component-stepfun/api-2",
                "component-stepfun/web-2", "incident-" + id + "-resolved");
        assertThat(this.events.committed.get(3)).isInstanceOfSatisfying(IncidentUpdated.class, (updated) -> {
            assertThat(updated.oldLevel()).isEqualTo(Status.PARTIAL_OUTAGE);
            assertThat(updated.newLevel()).isEqualTo(Status.MAJOR_OUTAGE);
            assertThat(updated.components()).containsExactly("api", "web");
        });
        assertThat(this.events.committed.get(6)).isInstanceOfSatisfying(IncidentResolved.class, (resolved) -> {
            assertThat(resolved.lastLevel()).isEqualTo(Status.MAJOR_OUTAGE);
            assertThat(resolved.reason()).startsWith("Resolved: ");
            assertThat(resolved.occurredAt()).isAfter(resolved.startedAt());
        });
        assertThat(this.events.beforeCommitInTransaction).hasSize(7).containsOnly(true);
    }

    @Test
    void unknownIsNeitherAFailureNorARecovery() {
        this.script.failing(3, "stepfun/api");
        this.engine.rebuild();
        this.events.clear();
        this.script.run(10, java.util.Set.of(), java.util.Set.of("stepfun"));
        StatusSnapshot snapshot = this.engine.rebuild();
        assertThat(snapshot.provider("stepfun").orElseThrow().level()).isEqualTo(Status.UNKNOWN);
        assertThat(this.events.committed).isEmpty();
        assertThat(this.jdbc.queryForObject("select count(*) from incident where resolved_at is null", Integer.class))
            .isOne();
    }

    @Test
    void aVeryLongListOfComponentsStillFitsTheIncident() {
        List<String> names = java.util.stream.IntStream.range(0, 5000).mapToObj((i) -> "Component " + i).toList();
        assertThat(IncidentTexts.title("StepFun", Status.DEGRADED, names))
            .isEqualTo("StepFun: degraded performance of 5000 components");
        assertThat(IncidentTexts.title("StepFun", Status.DEGRADED, names.subList(0, 2)))
            .isEqualTo("StepFun: degraded performance of Component 0, Component 1");
    }

}
