package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link IncidentTracker} records and announces for a sequence of verdicts, one row per story. A step is
 * {@code api=D,web=U}: each component's level (U operational, S degraded, D major outage, ? unknown); the
 * provider's level follows as the engine derives it (worst-of, all down = major, some = partial).
 */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class IncidentTrackerTests {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    private static final Component API = Results.component("api", "API", null);

    private static final Component WEB = Results.component("web", "Website", null);

    private static final Provider ACME = Results.provider("acme", API, WEB);

    @Autowired
    ProviderTrackRepository tracks;

    @Autowired
    ComponentTrackRepository componentTracks;

    @Autowired
    IncidentRepository incidents;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcTemplate jdbc;

    private final List<StatusEvent> events = new ArrayList<>();

    private IncidentTracker tracker;

    @BeforeEach
    void reset() {
        this.jdbc.update("delete from incident_update");
        this.jdbc.update("delete from incident");
        this.jdbc.update("delete from provider_track");
        this.jdbc.update("delete from component_track");
        this.tracker = new IncidentTracker(this.tracks, this.componentTracks, this.incidents,
                new TransactionTemplate(this.transactionManager), (event) -> this.events.add((StatusEvent) event),
                new SimpleMeterRegistry());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            healthy stays quiet                  | api=U,web=U ; api=U,web=U                           | -
            one component down opens             | api=U,web=U ; api=D,web=U                           | C:api:MAJOR_OUTAGE O:PARTIAL_OUTAGE
            the same verdict again is no change  | api=D,web=U ; api=D,web=U ; api=D,web=U             | C:api:MAJOR_OUTAGE O:PARTIAL_OUTAGE
            spreading updates                    | api=D,web=U ; api=D,web=D                           | C:api:MAJOR_OUTAGE O:PARTIAL_OUTAGE C:web:MAJOR_OUTAGE U:MAJOR_OUTAGE
            recovery resolves                    | api=D,web=U ; api=U,web=U                           | C:api:MAJOR_OUTAGE O:PARTIAL_OUTAGE C:api:OPERATIONAL R:PARTIAL_OUTAGE
            unknown is neither failure nor cure  | api=D,web=U ; api=?,web=? ; api=D,web=U             | C:api:MAJOR_OUTAGE O:PARTIAL_OUTAGE
            slow then down keeps one incident    | api=S,web=U ; api=D,web=D ; api=U,web=U             | C:api:DEGRADED O:DEGRADED C:api:MAJOR_OUTAGE C:web:MAJOR_OUTAGE U:MAJOR_OUTAGE C:api:OPERATIONAL C:web:OPERATIONAL R:MAJOR_OUTAGE
            a second outage is a new incident    | api=D,web=U ; api=U,web=U ; api=D,web=U             | C:api:MAJOR_OUTAGE O:PARTIAL_OUTAGE C:api:OPERATIONAL R:PARTIAL_OUTAGE C:api:MAJOR_OUTAGE O:PARTIAL_OUTAGE
            """, nullValues = "-")
    void eachChangeIsRecordedAndAnnouncedOnce(String story, String steps, String expected) {
        Instant at = START;
        for (String step : steps.split(";")) {
            at = at.plus(Duration.ofMinutes(5));
            List<ComponentState> components = Arrays.stream(step.trim().split(","))
                .map((entry) -> state(entry.trim(), START))
                .toList();
            StatusRules.Verdict verdict = new StatusRules.Verdict(level(components), "words", Signal.PROBE, null);
            this.tracker.apply(List.of(new IncidentTracker.Observation(ACME, verdict, components, at)), at);
        }
        List<String> described = this.events.stream().map(IncidentTrackerTests::describe).toList();
        assertThat(described).containsExactlyElementsOf(
                (expected != null) ? List.of(expected.trim().split(" ")) : List.of());
        assertThat(this.events).extracting(StatusEvent::eventId).doesNotHaveDuplicates();
        long opened = described.stream().filter((event) -> event.startsWith("O:")).count();
        assertThat(this.jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(opened);
    }

    private static ComponentState state(String entry, Instant since) {
        Component component = entry.startsWith("api") ? API : WEB;
        Status level = switch (entry.charAt(entry.length() - 1)) {
            case 'U' -> Status.OPERATIONAL;
            case 'S' -> Status.DEGRADED;
            case 'D' -> Status.MAJOR_OUTAGE;
            default -> Status.UNKNOWN;
        };
        return new ComponentState(component, level, "words", Signal.PROBE, level.known() ? since : null, null, null,
                null, null, null, List.of(), null, Uptime.NONE, List.of(), List.of());
    }

    private static Status level(List<ComponentState> components) {
        return StatusRules.componentsLevel(components);
    }

    private static String describe(StatusEvent event) {
        if (event instanceof ComponentLevelChanged changed) {
            return "C:" + changed.component() + ":" + changed.newLevel();
        }
        if (event instanceof IncidentOpened opened) {
            return "O:" + opened.level();
        }
        if (event instanceof IncidentUpdated updated) {
            return "U:" + updated.newLevel();
        }
        return "R:" + ((IncidentResolved) event).lastLevel();
    }

}
