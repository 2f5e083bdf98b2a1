package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.HourlyRollup;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialLevel;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.probe.ProbeResult;
import dev.llmstatus.support.Officials;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property-style: over many generated states (result series, staleness, monitor health, official readings), the
 * headline never contradicts the components and the official reading shown under it.
 */
class HeadlineConsistencyTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private static final String CODES = "UUUUSRDDN";

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 4, 5, 6, 7, 8 })
    void headlineNeverContradictsTheSignalsUnderIt(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            check(random, "seed " + seed + " round " + round);
        }
    }

    private void check(Random random, String label) {
        int count = 1 + random.nextInt(3);
        List<Component> definitions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            definitions.add(Results.component("c" + i, "Component " + i, random.nextBoolean() ? "Official " + i : null));
        }
        Provider provider = Results.provider("p", definitions.toArray(Component[]::new));
        MonitorState monitor = new MonitorState(random.nextInt(8) == 0, NOW.minusSeconds(600), NOW);
        OfficialStatus official = randomOfficial(random, definitions);
        Status officialLevel = StatusRules.officialLevel(official, NOW, Duration.ofMinutes(15));
        StatusProperties properties = new StatusProperties(1 + random.nextInt(3), 3, Duration.ofSeconds(2),
                Duration.ofSeconds(20), Duration.ofMinutes(90), Duration.ofDays(30));
        List<ComponentState> components = new ArrayList<>();
        for (Component definition : definitions) {
            StringBuilder codes = new StringBuilder();
            int length = random.nextInt(7);
            for (int i = 0; i < length; i++) {
                codes.append(CODES.charAt(random.nextInt(CODES.length())));
            }
            Instant end = NOW.minusSeconds(random.nextInt(5) == 0 ? 200 + random.nextInt(3000) : random.nextInt(60));
            List<ProbeResult> results = Results.series("p", definition.key(), codes.toString(), end);
            Status officialComponent = (official != null && officialLevel.known()
                    && definition.officialComponent() != null)
                            ? known(OfficialLevels.of(official.level(definition.officialComponent()))) : null;
            StatusRules.Verdict verdict = StatusRules.component(definition, results, officialComponent, monitor, NOW,
                    properties);
            components.add(StatusRulesTests.state(definition, verdict,
                    results.isEmpty() ? null : results.get(results.size() - 1).startedAt()));
        }
        StatusRules.Verdict headline = StatusRules.provider(provider, components, official, officialLevel, monitor,
                NOW);
        String context = label + ": headline " + headline + ", components "
                + components.stream().map((c) -> c.component().key() + "=" + c.level() + "/" + c.reason()).toList()
                + ", official " + officialLevel + ", offline " + monitor.offline();

        List<Status> known = components.stream().map(ComponentState::level).filter(Status::known).toList();
        Status level = headline.level();
        assertThat(headline.reason()).as(context).isNotBlank();
        // A level's words cite a result that supports it.
        for (ComponentState component : components) {
            citesSupportingEvidence(component, context);
        }
        // Since when, whatever decided: only an official page without an incident leaves it to the engine's
        // fallback (the tracker's incident), and only a monitor without any data has no date at all.
        if (headline.since() != null) {
            assertThat(headline.since()).as(context).isBeforeOrEqualTo(NOW);
        }
        else {
            boolean officialWithoutIncident = headline.decidedBy() == Signal.OFFICIAL
                    && official.incidents().stream().allMatch(OfficialIncident::resolved);
            boolean noDataAtAll = level == Status.UNKNOWN && !monitor.offline()
                    && components.stream().allMatch((c) -> c.lastChecked() == null);
            assertThat(officialWithoutIncident || noDataAtAll).as(context).isTrue();
        }
        // Unknown exactly when no signal is known.
        assertThat(level == Status.UNKNOWN).as(context).isEqualTo(known.isEmpty() && !officialLevel.known());
        if (monitor.offline()) {
            assertThat(components).as(context).allSatisfy((c) -> assertThat(c.level()).isIn(Status.UNKNOWN,
                    officialComponentOf(official, c)));
        }
        if (level == Status.UNKNOWN) {
            return;
        }
        // Never milder than any signal shown (a lone major component makes at least a partial outage).
        for (Status component : known) {
            Status floor = (component == Status.MAJOR_OUTAGE) ? Status.PARTIAL_OUTAGE : component;
            assertThat(level.severity()).as(context).isGreaterThanOrEqualTo(floor.severity());
        }
        if (officialLevel.known()) {
            assertThat(level.severity()).as(context).isGreaterThanOrEqualTo(officialLevel.severity());
        }
        // Never worse than the worst signal shown.
        int worst = Math.max(officialLevel.severity(), known.stream().mapToInt(Status::severity).max().orElse(-1));
        assertThat(level.severity()).as(context).isLessThanOrEqualTo(worst);
        // A major outage needs every component down, or the official page saying so.
        if (level == Status.MAJOR_OUTAGE) {
            assertThat(officialLevel == Status.MAJOR_OUTAGE
                    || components.stream().allMatch((c) -> c.level() == Status.MAJOR_OUTAGE)).as(context).isTrue();
        }
        // Operational means nothing shown is a problem, official incidents included.
        if (level == Status.OPERATIONAL) {
            assertThat(known).as(context).allSatisfy((s) -> assertThat(s).isEqualTo(Status.OPERATIONAL));
            if (officialLevel.known()) {
                assertThat(official.incidents()).as(context)
                    .noneMatch((i) -> !i.resolved() && OfficialLevels.of(i.impact()).problem());
            }
        }
        // A problem headline names its evidence: a component at that level, or the official page.
        if (level.problem()) {
            boolean namesComponent = components.stream()
                .anyMatch((c) -> c.level().problem() && headline.reason().contains(c.component().name()));
            assertThat(namesComponent || headline.reason().startsWith("Official status page")).as(context).isTrue();
        }
    }

    private static final Pattern CITED = Pattern.compile("\\(HTTP \\d+ in ([\\d.]+) (ms|s)");

    /** "answering slowly" cites a slow answer, "answering normally" a fast one, "front door failing" a failure. */
    private static void citesSupportingEvidence(ComponentState component, String context) {
        String reason = component.reason();
        Matcher cited = CITED.matcher(reason);
        long threshold = component.component().probe().latencyThreshold().toMillis();
        if (component.decidedBy() != Signal.PROBE) {
            return;
        }
        if (reason.startsWith("answering slowly")) {
            assertThat(cited.find()).as(context).isTrue();
            assertThat(millis(cited)).as(context).isGreaterThan(threshold);
        }
        if (reason.startsWith("answering normally")) {
            assertThat(cited.find()).as(context).isTrue();
            assertThat(millis(cited)).as(context).isLessThanOrEqualTo(threshold);
        }
        if (reason.startsWith("rate limiting")) {
            assertThat(reason).as(context).contains("HTTP 429");
        }
        if (reason.startsWith("front door failing")) {
            assertThat(reason).as(context).doesNotContain(" in ").containsAnyOf("HTTP 5", "connection", "DNS");
        }
    }

    private static long millis(Matcher cited) {
        double value = Double.parseDouble(cited.group(1));
        return cited.group(2).equals("s") ? Math.round(value * 1000) : Math.round(value);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 4 })
    void offlineHoursNeverLowerUptime(long seed) {
        Random random = new Random(seed);
        Instant now = Instant.parse("2026-11-23T12:30:00Z");
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        for (int round = 0; round < 200; round++) {
            List<HourlyRollup> seen = new ArrayList<>();
            List<HourlyRollup> withOffline = new ArrayList<>();
            for (int h = 1; h <= 24 * 9; h++) {
                Instant at = hour.minus(Duration.ofHours(h));
                int kind = random.nextInt(4);
                if (kind == 0) {
                    withOffline.add(rollupOf(at, "NNNN"));
                    continue;
                }
                HourlyRollup rollup = rollupOf(at, (kind == 1) ? "UUUD" : (kind == 2) ? "NNUU" : "UUUU");
                seen.add(rollup);
                withOffline.add(rollup);
            }
            Uptime without = new UptimeCalculator(seen, List.of(), now).uptime();
            Uptime with = new UptimeCalculator(withOffline, List.of(), now).uptime();
            assertThat(with.day()).isEqualTo(without.day());
            assertThat(with.week()).isEqualTo(without.week());
            assertThat(with.month()).isEqualTo(without.month());
            assertThat(new UptimeCalculator(withOffline, List.of(), now).days())
                .noneMatch((d) -> d.level().problem() && d.failures() == 0);
        }
    }

    private static HourlyRollup rollupOf(Instant hour, String codes) {
        return UptimeCalculator.rollUp(Results.series("p", "c", codes, hour.plusSeconds(240)), hour);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = { 1, 2, 3, 4 })
    void detectionLeadIsPositiveOnlyWhenWeWereFirst(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            Instant ours = NOW.minusSeconds(random.nextInt(7200));
            List<OfficialIncident> theirs = new ArrayList<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                Instant created = NOW.minusSeconds(random.nextInt(7200));
                List<OfficialIncident.Update> updates = random.nextBoolean() ? List.of()
                        : List.of(new OfficialIncident.Update("investigating", "Looking into it",
                                created.minusSeconds(random.nextInt(1800))));
                theirs.add(new OfficialIncident("p", "i" + i, "Errors", OfficialLevel.MAJOR_OUTAGE, "investigating",
                        created, null, null, List.of(), updates));
            }
            Long lead = StatusRules.detectionLead(ours, theirs);
            if (theirs.isEmpty()) {
                assertThat(lead).isNull();
                continue;
            }
            boolean weWereFirst = theirs.stream()
                .allMatch((o) -> o.createdAt().isAfter(ours.plusSeconds(59))
                        && o.updates().stream().allMatch((u) -> u.at().isAfter(ours.plusSeconds(59))));
            assertThat(lead > 0).as("ours %s, theirs %s: lead %s", ours, theirs, lead).isEqualTo(weWereFirst);
        }
    }

    private static Status officialComponentOf(OfficialStatus official, ComponentState component) {
        if (official == null || component.component().officialComponent() == null) {
            return Status.UNKNOWN;
        }
        return OfficialLevels.of(official.level(component.component().officialComponent()));
    }

    private static Status known(Status level) {
        return level.known() ? level : null;
    }

    private static OfficialStatus randomOfficial(Random random, List<Component> definitions) {
        if (random.nextInt(3) == 0) {
            return null;
        }
        Status[] levels = { Status.OPERATIONAL, Status.OPERATIONAL, Status.DEGRADED, Status.PARTIAL_OUTAGE,
                Status.MAJOR_OUTAGE, Status.MAINTENANCE };
        Map<String, Status> components = new LinkedHashMap<>();
        Status overall = Status.OPERATIONAL;
        for (Component definition : definitions) {
            if (definition.officialComponent() != null) {
                Status level = levels[random.nextInt(levels.length)];
                components.put(definition.officialComponent(), level);
                overall = Status.worse(overall, level);
            }
        }
        List<OfficialIncident> incidents = new ArrayList<>();
        if (random.nextInt(4) == 0) {
            Status impact = levels[random.nextInt(levels.length)];
            incidents.add(Officials.incident("p", "i1", "Elevated errors", impact, "investigating",
                    NOW.minusSeconds(900), random.nextBoolean() ? NOW.minusSeconds(60) : null, null, List.of(),
                    List.of()));
        }
        boolean unreadable = random.nextInt(6) == 0;
        Instant fetched = random.nextInt(6) == 0 ? NOW.minus(Duration.ofHours(2)) : NOW.minusSeconds(30);
        return Officials.page("p", fetched, unreadable ? Status.UNKNOWN : overall, null, components, incidents,
                unreadable ? "HTTP 502" : null);
    }

}
