package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.probe.ProbeResult;
import dev.llmstatus.support.InMemoryProbeHistory;
import dev.llmstatus.support.MutableClock;
import dev.llmstatus.support.ProbeScript;
import dev.llmstatus.support.ScriptedHistoryConfiguration;
import dev.llmstatus.support.Officials;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "llmstatus.probe.enabled=false", "llmstatus.status.rebuild-interval=1h" })
@Import(ScriptedHistoryConfiguration.class)
class StatusEngineIntegrationTests {

    @Autowired
    StatusEngine engine;

    @Autowired
    InMemoryProbeHistory history;

    @Autowired
    MutableClock clock;

    @Autowired
    Catalog catalog;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProbeScript script;

    private Provider stepfun;

    @BeforeEach
    void reset() {
        this.script.reset();
        this.stepfun = this.catalog.find("stepfun").orElseThrow();
    }

    @Test
    void incidentOpensOnOutageAndResolvesWithItsDurationWhenTheProviderRecovers() {
        step("UUU", "UUU");
        ProviderState healthy = this.engine.rebuild().provider("stepfun").orElseThrow();
        assertThat(healthy.level()).isEqualTo(Status.OPERATIONAL);
        assertThat(healthy.incidents()).isEmpty();

        Instant firstFailure = step("DDD", "UUU");
        ProviderState partial = this.engine.rebuild().provider("stepfun").orElseThrow();
        assertThat(partial.level()).isEqualTo(Status.PARTIAL_OUTAGE);
        assertThat(partial.reason()).startsWith("API front door failing (HTTP 503)");
        assertThat(partial.ongoingIncidents()).singleElement().satisfies((incident) -> {
            assertThat(incident.official()).isFalse();
            assertThat(incident.startedAt()).isEqualTo(firstFailure);
            assertThat(incident.components()).containsExactly("API");
            assertThat(incident.impact()).isEqualTo(Status.PARTIAL_OUTAGE);
        });

        step("DDD", "DDD");
        ProviderState major = this.engine.rebuild().provider("stepfun").orElseThrow();
        assertThat(major.level()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(major.ongoingIncidents()).singleElement().satisfies((incident) -> {
            assertThat(incident.impact()).isEqualTo(Status.MAJOR_OUTAGE);
            assertThat(incident.timeline()).hasSize(2);
            assertThat(incident.components()).contains("API", stepfun.components().get(1).name());
        });

        Instant recovery = step("UUU", "UUU");
        ProviderState recovered = this.engine.rebuild().provider("stepfun").orElseThrow();
        assertThat(recovered.level()).isEqualTo(Status.OPERATIONAL);
        assertThat(recovered.ongoingIncidents()).isEmpty();
        assertThat(recovered.incidents()).singleElement().satisfies((incident) -> {
            assertThat(incident.resolvedAt()).isEqualTo(recovery);
            assertThat(incident.duration(this.clock.instant())).isEqualTo(Duration.between(firstFailure, recovery));
            assertThat(incident.timeline().get(0).text()).startsWith("Resolved: ");
        });
        assertThat(this.jdbc.queryForObject("select count(*) from incident", Integer.class)).isOne();
    }

    @Test
    void rebuildingWithoutNewDataWritesNoNewIncidents() {
        step("UUU", "UUU");
        step("DDD", "DDD");
        this.engine.rebuild();
        this.engine.rebuild();
        this.engine.rebuild();
        assertThat(this.jdbc.queryForObject("select count(*) from incident", Integer.class)).isOne();
        assertThat(this.jdbc.queryForObject("select count(*) from incident_update", Integer.class)).isOne();
    }

    @Test
    void offlineMonitorShowsEveryProviderUnknownAndTouchesNoIncident() {
        step("DDD", "DDD");
        this.engine.rebuild();
        this.history.monitor(new MonitorState(true, this.clock.instant(), this.clock.instant()));
        StatusSnapshot snapshot = this.engine.rebuild();
        assertThat(snapshot.providers()).allSatisfy((p) -> assertThat(p.level()).isEqualTo(Status.UNKNOWN));
        assertThat(snapshot.provider("stepfun").orElseThrow().reason()).startsWith("No fresh data: monitoring offline");
        assertThat(snapshot.counts().get(Status.MAJOR_OUTAGE)).isZero();
        assertThat(this.jdbc.queryForObject("select count(*) from incident where resolved_at is null", Integer.class))
            .isOne();
    }

    @Test
    void detectionLeadComparesOurIncidentWithTheMatchingOfficialOne() {
        step("UUU", "UUU");
        Instant ours = step("DDD", "DDD");
        Instant theirs = ours.plus(Duration.ofMinutes(3));
        this.history.official(Officials.page("stepfun", this.clock.instant(), Status.MAJOR_OUTAGE,
                "Major outage", Map.of(), List.of(Officials.incident("stepfun", "abc", "API unavailable",
                        Status.MAJOR_OUTAGE, "investigating", theirs, null, null, List.of(), List.of())),
                null));
        ProviderState state = this.engine.rebuild().provider("stepfun").orElseThrow();
        assertThat(state.incidents()).hasSize(2);
        assertThat(state.incidents()).filteredOn((i) -> !i.official()).singleElement()
            .satisfies((incident) -> assertThat(incident.leadMinutes()).isEqualTo(3L));
        assertThat(state.incidents()).filteredOn(IncidentView::official).singleElement()
            .satisfies((incident) -> assertThat(incident.title()).isEqualTo("API unavailable"));
    }

    @Test
    void staleResultsTurnAComponentUnknownRatherThanKeepingItsLastLevel() {
        step("DDD", "DDD");
        this.clock.advance(Duration.ofMinutes(10));
        ProviderState state = this.engine.rebuild().provider("stepfun").orElseThrow();
        assertThat(state.level()).isEqualTo(Status.UNKNOWN);
        assertThat(state.components()).allSatisfy((c) -> assertThat(c.reason()).startsWith("no fresh data"));
    }

    /** Appends one series per component, one minute apart, and moves the clock to the last one. */
    private Instant step(String... perComponent) {
        Instant start = this.clock.instant().plus(Duration.ofMinutes(1));
        int length = perComponent[0].length();
        Instant end = start.plus(Duration.ofMinutes(length - 1));
        for (int i = 0; i < perComponent.length; i++) {
            Component component = this.stepfun.components().get(i);
            List<ProbeResult> series = Results.series("stepfun", component.key(), perComponent[i], end);
            this.history.add(series);
        }
        this.clock.set(end);
        return start;
    }

}
