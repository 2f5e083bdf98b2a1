package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialLevel;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.support.Officials;

import static org.assertj.core.api.Assertions.assertThat;

class StatusRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static final MonitorState ONLINE = new MonitorState(false, NOW.minusSeconds(3600), NOW);

    private static final Component API = Results.component("api", "API", "Chat Completions");

    private static final Component WEB = Results.component("web", "Website", null);

    @ParameterizedTest(name = "{0} with damping {1} -> {2}")
    @CsvSource(textBlock = """
            U,       2, UNKNOWN
            UU,      2, OPERATIONAL
            UUD,     2, OPERATIONAL
            UUDD,    2, MAJOR_OUTAGE
            UUDU,    2, OPERATIONAL
            UUDUD,   2, OPERATIONAL
            DDDU,    2, MAJOR_OUTAGE
            DDDUU,   2, OPERATIONAL
            UUSS,    2, DEGRADED
            UURR,    2, DEGRADED
            UUSR,    2, DEGRADED
            UUUDD,   3, OPERATIONAL
            UUDD,    3, UNKNOWN
            UUDDD,   3, MAJOR_OUTAGE
            D,       1, MAJOR_OUTAGE
            UUUDDDU, 1, OPERATIONAL
            """)
    void levelChangesOnlyAfterEnoughAgreeingResults(String outcomes, int damping, Status expected) {
        StatusRules.Damped damped = StatusRules.damp(Results.series("p", "api", outcomes, NOW), damping);
        assertThat(damped.level()).isEqualTo(expected);
    }

    @Test
    void dampedLevelStartsAtTheFirstResultOfItsStreak() {
        StatusRules.Damped damped = StatusRules.damp(Results.series("p", "api", "UUDDD", NOW), 2);
        assertThat(damped.since()).isEqualTo(NOW.minus(Duration.ofMinutes(2)));
    }

    @ParameterizedTest(name = "last result {0} s old -> {1}")
    @CsvSource(textBlock = """
            0,   OPERATIONAL
            179, OPERATIONAL
            181, UNKNOWN
            900, UNKNOWN
            """)
    void componentIsUnknownWhenItsFreshestResultIsOlderThanThreeIntervals(long age, Status expected) {
        List<dev.llmstatus.probe.ProbeResult> results = Results.series("p", "api", "UUU", NOW.minusSeconds(age));
        StatusRules.Verdict verdict = StatusRules.component(API, results, null, ONLINE, NOW,
                StatusProperties.defaults());
        assertThat(verdict.level()).isEqualTo(expected);
        if (expected == Status.UNKNOWN) {
            assertThat(verdict.reason()).startsWith("no fresh data since");
            assertThat(verdict.decidedBy()).isEqualTo(Signal.MONITOR);
        }
    }

    @Test
    void offlineMonitorMakesComponentsUnknownNotDown() {
        MonitorState offline = new MonitorState(true, NOW.minusSeconds(300), NOW);
        StatusRules.Verdict verdict = StatusRules.component(API, Results.series("p", "api", "NNNN", NOW), null,
                offline, NOW, StatusProperties.defaults());
        assertThat(verdict.level()).isEqualTo(Status.UNKNOWN);
        assertThat(verdict.reason()).isEqualTo("no fresh data: monitoring offline");
        Provider provider = Results.provider("p", API);
        StatusRules.Verdict headline = StatusRules.provider(provider,
                List.of(state(API, verdict)), null, Status.UNKNOWN, offline, NOW);
        assertThat(headline.level()).isEqualTo(Status.UNKNOWN);
        assertThat(headline.reason()).isEqualTo("No fresh data: monitoring offline since 11:55 UTC");
    }

    @ParameterizedTest(name = "api {0}, web {1} -> {2}")
    @CsvSource(textBlock = """
            OPERATIONAL,    OPERATIONAL,    OPERATIONAL
            DEGRADED,       OPERATIONAL,    DEGRADED
            MAJOR_OUTAGE,   OPERATIONAL,    PARTIAL_OUTAGE
            MAJOR_OUTAGE,   DEGRADED,       PARTIAL_OUTAGE
            MAJOR_OUTAGE,   MAJOR_OUTAGE,   MAJOR_OUTAGE
            PARTIAL_OUTAGE, DEGRADED,       PARTIAL_OUTAGE
            MAINTENANCE,    OPERATIONAL,    MAINTENANCE
            UNKNOWN,        OPERATIONAL,    OPERATIONAL
            UNKNOWN,        MAJOR_OUTAGE,   PARTIAL_OUTAGE
            UNKNOWN,        UNKNOWN,        UNKNOWN
            """)
    void providerIsWorstOfItsComponentsAndMajorOnlyWhenAllAreDown(Status api, Status web, Status expected) {
        List<ComponentState> components = List.of(state(API, api), state(WEB, web));
        StatusRules.Verdict verdict = StatusRules.provider(Results.provider("p", API, WEB), components, null,
                Status.UNKNOWN, ONLINE, NOW);
        assertThat(verdict.level()).isEqualTo(expected);
    }

    @Test
    void failingComponentReasonSaysForHowLongAndWithWhatStatus() {
        List<dev.llmstatus.probe.ProbeResult> results = Results.series("p", "api", "UUUDDDDD", NOW);
        StatusRules.Verdict component = StatusRules.component(API, results, null, ONLINE, NOW,
                StatusProperties.defaults());
        StatusRules.Verdict headline = StatusRules.provider(Results.provider("p", API), List.of(state(API, component)),
                null, Status.UNKNOWN, ONLINE, NOW);
        assertThat(headline.level()).isEqualTo(Status.MAJOR_OUTAGE);
        assertThat(headline.reason()).isEqualTo("API front door failing (HTTP 503)");
        assertThat(headline.decidedBy()).isEqualTo(Signal.PROBE);
        assertThat(headline.since()).isEqualTo(NOW.minus(Duration.ofMinutes(4)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            UUUU  | API answering normally
            UUSS  | API answering slowly (HTTP 401 in 4.2 s, threshold 3.0 s)
            UURRR | API rate limiting our probe (HTTP 429 in 90 ms)
            NNNN  | API front door failing (connection refused)
            """)
    void reasonsAreWordedFromTheEvidence(String outcomes, String expected) {
        StatusRules.Verdict component = StatusRules.component(API, Results.series("p", "api", outcomes, NOW), null,
                ONLINE, NOW, StatusProperties.defaults());
        StatusRules.Verdict headline = StatusRules.provider(Results.provider("p", API), List.of(state(API, component)),
                null, Status.UNKNOWN, ONLINE, NOW);
        assertThat(headline.reason()).isEqualTo(expected);
    }

    @Test
    void officialPageDecidesWhenItReportsWorseThanOurProbes() {
        OfficialStatus official = Officials.page("p", NOW.minusSeconds(60), Status.PARTIAL_OUTAGE,
                "Partial System Outage", Map.of("Chat Completions", Status.PARTIAL_OUTAGE, "Files", Status.OPERATIONAL),
                List.of(), null);
        Status officialLevel = StatusRules.officialLevel(official, NOW, Duration.ofMinutes(15));
        StatusRules.Verdict api = StatusRules.component(API, Results.series("p", "api", "UUUU", NOW),
                OfficialLevels.of(official.level("Chat Completions")), ONLINE, NOW, StatusProperties.defaults());
        assertThat(api.level()).isEqualTo(Status.PARTIAL_OUTAGE);
        assertThat(api.decidedBy()).isEqualTo(Signal.OFFICIAL);
        StatusRules.Verdict web = StatusRules.component(WEB, Results.series("p", "web", "UUUU", NOW), null, ONLINE,
                NOW, StatusProperties.defaults());
        StatusRules.Verdict headline = StatusRules.provider(Results.provider("p", API, WEB),
                List.of(state(API, api), state(WEB, web)), official, officialLevel, ONLINE, NOW);
        assertThat(headline.level()).isEqualTo(Status.PARTIAL_OUTAGE);
        assertThat(headline.decidedBy()).isEqualTo(Signal.OFFICIAL);
        assertThat(headline.reason()).isEqualTo("Official status page reports a partial outage of Chat Completions");
    }

    @Test
    void unreadableOrStaleOfficialPageNeverCountsAsOperational() {
        OfficialStatus unreadable = Officials.page("p", NOW, Status.UNKNOWN, null, Map.of(), List.of(),
                "HTTP 502 from status page");
        assertThat(StatusRules.officialLevel(unreadable, NOW, Duration.ofMinutes(15))).isEqualTo(Status.UNKNOWN);
        OfficialStatus stale = Officials.page("p", NOW.minus(Duration.ofHours(1)), Status.OPERATIONAL, "All good",
                Map.of(), List.of(), null);
        assertThat(StatusRules.officialLevel(stale, NOW, Duration.ofMinutes(15))).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void unresolvedOfficialIncidentNeverLeavesThePageOperational() {
        OfficialIncident incident = Officials.incident("p", "x1", "Elevated errors", Status.MAJOR_OUTAGE,
                "investigating", NOW.minusSeconds(600), null, null, List.of(), List.of());
        OfficialStatus official = Officials.page("p", NOW, Status.OPERATIONAL, "All Systems Operational",
                Map.of(), List.of(incident), null);
        assertThat(StatusRules.officialLevel(official, NOW, Duration.ofMinutes(15))).isEqualTo(Status.DEGRADED);
    }

    @Test
    void headlineFollowsThePagesIndicatorNotItsWorstComponentOrIncident() {
        // Shaped like www.cloudflarestatus.com on 2026-08-27: two of many components in partial outage, indicator minor.
        Map<String, Status> components = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            components.put("PoP " + i, Status.OPERATIONAL);
        }
        components.put("ARI", Status.PARTIAL_OUTAGE);
        components.put("AAE", Status.PARTIAL_OUTAGE);
        OfficialIncident incident = Officials.incident("p", "x1", "Packages", Status.PARTIAL_OUTAGE, "investigating",
                NOW.minusSeconds(600), null, null, List.of(), List.of());
        OfficialStatus official = Officials.page("p", NOW, Status.DEGRADED, "Minor Service Outage", components,
                List.of(incident), null);
        assertThat(StatusRules.officialLevel(official, NOW, Duration.ofMinutes(15))).isEqualTo(Status.DEGRADED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            OPERATIONAL,          OPERATIONAL
            UNDER_MAINTENANCE,    MAINTENANCE
            DEGRADED_PERFORMANCE, DEGRADED
            PARTIAL_OUTAGE,       PARTIAL_OUTAGE
            MAJOR_OUTAGE,         MAJOR_OUTAGE
            UNKNOWN,              UNKNOWN
            """)
    void officialLevelsMapOntoOurScale(OfficialLevel official, Status expected) {
        assertThat(OfficialLevels.of(official)).isEqualTo(expected);
    }

    @Test
    void degradedLevelHeldByDampingCitesTheSlowAnswerNotTheFastOneAfterIt() {
        StatusRules.Verdict verdict = StatusRules.component(API, Results.series("p", "api", "UUSSU", NOW), null,
                ONLINE, NOW, StatusProperties.defaults());
        assertThat(verdict.level()).isEqualTo(Status.DEGRADED);
        assertThat(verdict.reason()).startsWith("answering slowly").contains("HTTP 401 in 4.2 s")
            .doesNotContain("120 ms");
    }

    @Test
    void officialDecisionSaysSinceWhenItsIncidentBegan() {
        Instant began = NOW.minusSeconds(1800);
        OfficialIncident incident = Officials.incident("p", "x1", "Elevated errors", Status.MAJOR_OUTAGE,
                "investigating", NOW.minusSeconds(900), null, null, List.of(), List.of(
                        new OfficialIncident.Update("investigating", "Looking", began)));
        OfficialStatus official = Officials.page("p", NOW, Status.MAJOR_OUTAGE, null, Map.of(), List.of(incident),
                null);
        Provider provider = Results.provider("p", API);
        StatusRules.Verdict headline = StatusRules.provider(provider, List.of(state(API, Status.OPERATIONAL)),
                official, Status.MAJOR_OUTAGE, ONLINE, NOW);
        assertThat(headline.decidedBy()).isEqualTo(Signal.OFFICIAL);
        assertThat(headline.since()).isEqualTo(began);
    }

    @Test
    void offlineHeadlineSaysSinceWhenTheMonitorWentOffline() {
        MonitorState offline = new MonitorState(true, NOW.minusSeconds(700), NOW);
        StatusRules.Verdict component = StatusRules.component(API, Results.series("p", "api", "NNN", NOW), null,
                offline, NOW, StatusProperties.defaults());
        StatusRules.Verdict headline = StatusRules.provider(Results.provider("p", API),
                List.of(state(API, component)), null, Status.UNKNOWN, offline, NOW);
        assertThat(headline.level()).isEqualTo(Status.UNKNOWN);
        assertThat(headline.since()).isEqualTo(NOW.minusSeconds(700));
    }

    @Test
    void detectionLeadCountsFromTheEarliestMatchingOfficialIncident() {
        Instant ours = NOW.minusSeconds(32 * 60);
        OfficialIncident earlier = Officials.incident("p", "a", "Errors", Status.MAJOR_OUTAGE, "investigating",
                NOW.minusSeconds(40 * 60), null, null, List.of(), List.of());
        OfficialIncident later = Officials.incident("p", "b", "More errors", Status.MAJOR_OUTAGE, "investigating",
                NOW.minusSeconds(20 * 60), null, null, List.of(), List.of());
        assertThat(StatusRules.detectionLead(ours, List.of(later, earlier))).isEqualTo(-8L);
        assertThat(StatusRules.detectionLead(ours, List.of(later))).isEqualTo(12L);
    }

    static ComponentState state(Component component, Status level) {
        return state(component, new StatusRules.Verdict(level, level.label().toLowerCase(), Signal.PROBE, NOW));
    }

    static ComponentState state(Component component, StatusRules.Verdict verdict) {
        return state(component, verdict, NOW);
    }

    static ComponentState state(Component component, StatusRules.Verdict verdict, Instant lastChecked) {
        return new ComponentState(component, verdict.level(), verdict.reason(), verdict.decidedBy(), verdict.since(),
                lastChecked, 100L, 401, null, null, List.of(), null, Uptime.NONE, List.of(), List.of());
    }

}
