package dev.llmstatus.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.catalog.ModelDefinition;
import dev.llmstatus.errors.ErrorLookup;
import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.model.ModelHistory;
import dev.llmstatus.model.ModelKeys;
import dev.llmstatus.model.ModelProperties;
import dev.llmstatus.model.ModelResult;
import dev.llmstatus.model.ModelRollup;
import dev.llmstatus.official.OfficialHistory;
import dev.llmstatus.official.OfficialHtml;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialPagesRead;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.probe.HourlyRollup;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.ProbeHistory;
import dev.llmstatus.probe.ProbeResult;
import dev.llmstatus.probe.ProbeResultsRecorded;
import dev.llmstatus.report.ReportRecorded;
import dev.llmstatus.report.ReportStats;
import dev.llmstatus.report.ReportSummary;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Folds probe results, official readings and incidents into one immutable {@link StatusSnapshot} and swaps it in
 * atomically. Rebuilds when new data arrives (checked every {@code rebuild-interval}) and at least every
 * {@code max-snapshot-age}. This is the only reader of the database on behalf of pages.
 */
@Service
public class StatusEngine {

    private static final Logger logger = LoggerFactory.getLogger(StatusEngine.class);

    /** Official readings older than this no longer count: the prober reads pages every few minutes. */
    private static final Duration OFFICIAL_STALE_AFTER = Duration.ofMinutes(15);

    private static final int SIGNATURE_RESULTS = 5;

    private final Catalog catalog;

    private final ProbeHistory history;

    private final OfficialHistory officialHistory;

    private final IncidentTracker tracker;

    private final IncidentRepository incidents;

    private final ReportStats reports;

    private final Clock clock;

    private final StatusProperties properties;

    private final AtomicReference<StatusSnapshot> current;

    private final AtomicBoolean dirty = new AtomicBoolean(true);

    /**
     * The rollups of the uptime bars, by the hour they were read in: hours that are over do not change, so they are
     * read again when the hour changes and otherwise at most every few minutes (for the current hour's rollup).
     */
    private final Cache<Instant, List<HourlyRollup>> rollups;

    private final ModelHistory modelHistory;

    private final ModelKeys modelKeys;

    private final ModelProperties modelProperties;

    private final ModelErrorTopics modelTopics;

    private final ApplicationEventPublisher events;

    /** Model rollups, like {@link #rollups}. */
    private final Cache<Instant, List<ModelRollup>> modelRollups;

    /** Model requests sent since midnight, by that midnight, read again at most every minute. */
    private final Cache<Instant, Map<String, Long>> modelRequestsToday;

    StatusEngine(Catalog catalog, ProbeHistory history, OfficialHistory officialHistory, IncidentTracker tracker,
            IncidentRepository incidents, ReportStats reports, Clock clock, StatusProperties properties,
            ModelHistory modelHistory, ModelKeys modelKeys,
            ModelProperties modelProperties, ErrorLookup errorLookup, KnowledgeBase knowledgeBase,
            ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.events = events;
        this.history = history;
        this.officialHistory = officialHistory;
        this.tracker = tracker;
        this.incidents = incidents;
        this.reports = reports;
        this.clock = clock;
        this.properties = properties;
        this.modelHistory = modelHistory;
        this.modelKeys = modelKeys;
        this.modelProperties = modelProperties;
        this.modelTopics = new ModelErrorTopics(errorLookup, knowledgeBase);
        this.rollups = latest(clock, Duration.ofMinutes(5));
        this.modelRollups = latest(clock, Duration.ofMinutes(5));
        this.modelRequestsToday = latest(clock, Duration.ofMinutes(1));
        this.current = new AtomicReference<>(starting(catalog, clock.instant(), modelKeys, modelProperties));
    }

    /** The snapshot every page reads. Never null. */
    public StatusSnapshot current() {
        return this.current.get();
    }

    @EventListener
    void onResults(ProbeResultsRecorded recorded) {
        this.dirty.set(true);
    }

    @EventListener
    void onOfficialPages(OfficialPagesRead read) {
        this.dirty.set(true);
    }

    @EventListener
    void onReport(ReportRecorded recorded) {
        this.dirty.set(true);
    }

    @Scheduled(fixedDelayString = "${llmstatus.status.rebuild-interval:2s}",
            initialDelayString = "${llmstatus.status.rebuild-interval:2s}")
    void refresh() {
        Instant builtAt = this.current.get().builtAt();
        boolean old = builtAt.plus(this.properties.maxSnapshotAge()).isBefore(this.clock.instant());
        if (this.dirty.get() || old) {
            try {
                rebuild();
            }
            catch (RuntimeException ex) {
                logger.warn("Snapshot rebuild failed; pages keep the previous one: {}", ex.toString());
            }
        }
    }

    /** Builds a new snapshot from the database now and swaps it in. */
    public synchronized StatusSnapshot rebuild() {
        this.dirty.set(false);
        Instant now = this.clock.instant();
        MonitorState monitor = this.history.monitorState();
        Map<String, List<ProbeResult>> raw = this.history.resultsSince(now.minus(this.properties.rawWindow()))
            .stream()
            .sorted(Comparator.comparing(ProbeResult::startedAt))
            .collect(Collectors.groupingBy(StatusEngine::key));
        Map<String, OfficialStatus> officials = new HashMap<>();
        this.officialHistory.latestOfficial().forEach((official) -> officials.put(official.provider(), official));
        Map<String, List<HourlyRollup>> rollupsByKey = rollups(now).stream()
            .collect(Collectors.groupingBy((r) -> r.provider() + '/' + r.component()));
        Models models = models(now);

        List<Verdicts> verdicts = new ArrayList<>();
        List<IncidentTracker.Observation> observations = new ArrayList<>();
        for (Provider provider : this.catalog.providers()) {
            OfficialStatus official = officials.get(provider.slug());
            Status officialLevel = StatusRules.officialLevel(official, now, OFFICIAL_STALE_AFTER);
            List<ComponentState> components = new ArrayList<>();
            for (Component component : provider.components()) {
                String key = provider.slug() + '/' + component.key();
                components.add(component(component, raw.getOrDefault(key, List.of()),
                        rollupsByKey.getOrDefault(key, List.of()), official, officialLevel, monitor, now));
            }
            List<ModelState> modelStates = modelStates(provider, models, monitor, now);
            StatusRules.Verdict verdict = ModelStates.headline(
                    StatusRules.provider(provider, components, official, officialLevel, monitor, now), components,
                    modelStates, now);
            observations.add(new IncidentTracker.Observation(provider, verdict, components,
                    evidenceAt(components, official)));
            verdicts.add(new Verdicts(provider, verdict, components, official, officialLevel, modelStates));
        }
        this.tracker.apply(observations, now);
        Map<String, List<Incident>> recent = this.incidents.findRecent(now.minus(this.properties.incidentWindow()))
            .stream()
            .collect(Collectors.groupingBy(Incident::getProvider));
        // Read after the verdicts on purpose: reports are shown beside the level and never feed into it.
        Map<String, ReportSummary> summaries = this.reports.summaries(now);
        List<ProviderState> states = new ArrayList<>();
        for (Verdicts v : verdicts) {
            Instant lastChecked = v.components().stream().map(ComponentState::lastChecked)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            List<IncidentView> views = incidents(v.provider(), recent.getOrDefault(v.provider().slug(), List.of()),
                    v.official(), now);
            states.add(new ProviderState(v.provider(), v.verdict().level(), v.verdict().reason(),
                    v.verdict().decidedBy(), since(v.verdict(), views), lastChecked, v.components(), v.official(),
                    v.officialLevel(), views, summaries.getOrDefault(v.provider().slug(), ReportSummary.none()),
                    v.models()));
        }
        StatusSnapshot snapshot = new StatusSnapshot(this.current.get().version() + 1, now, monitor, states);
        this.current.set(snapshot);
        this.events.publishEvent(new SnapshotRebuilt(snapshot.version(), now));
        return snapshot;
    }

    private record Verdicts(Provider provider, StatusRules.Verdict verdict, List<ComponentState> components,
            OfficialStatus official, Status officialLevel, List<ModelState> models) {
    }

    /** What the model checks' history holds for this rebuild. */
    private record Models(Map<String, List<ModelResult>> raw, Map<String, List<ModelRollup>> rollups,
            Map<String, Long> requestsToday) {
    }

    private Models models(Instant now) {
        if (this.catalog.providers().stream().allMatch((provider) -> provider.models().isEmpty())) {
            return new Models(Map.of(), Map.of(), Map.of());
        }
        Map<String, List<ModelResult>> raw = this.modelHistory.resultsSince(now.minus(this.properties.rawWindow()))
            .stream()
            .collect(Collectors.groupingBy((r) -> r.provider() + '/' + r.model()));
        List<ModelRollup> rollups = this.modelRollups.get(now.truncatedTo(ChronoUnit.HOURS),
                (hour) -> this.modelHistory.rollupsSince(hour.minus(Duration.ofDays(UptimeCalculator.BAR_DAYS))));
        Map<String, Long> requests = this.modelRequestsToday.get(now.truncatedTo(ChronoUnit.DAYS),
                this.modelHistory::requestsSince);
        return new Models(raw, rollups.stream().collect(Collectors.groupingBy((r) -> r.provider() + '/' + r.model())),
                requests);
    }

    private List<ModelState> modelStates(Provider provider, Models models, MonitorState monitor, Instant now) {
        List<ModelState> states = new ArrayList<>();
        for (ModelDefinition definition : provider.models()) {
            String key = provider.slug() + '/' + definition.id();
            states.add(ModelStates.state(model(provider, definition, this.modelKeys, this.modelProperties,
                    models.requestsToday().getOrDefault(provider.slug(), 0L)), models.raw().getOrDefault(key, List.of()),
                    models.rollups().getOrDefault(key, List.of()), monitor, now, this.properties,
                    this.modelTopics::topic));
        }
        return states;
    }

    private static ModelStates.Model model(Provider provider, ModelDefinition definition, ModelKeys keys,
            ModelProperties properties, long usedToday) {
        return new ModelStates.Model(provider.slug(), definition.id(), definition.name(), definition.interval(),
                properties.enabled() && keys.configured(provider.slug(), definition.apiKeyEnv()),
                properties.budget(provider.slug()), usedToday);
    }

    /** The newest check or official reading behind a provider's verdict. */
    private static Instant evidenceAt(List<ComponentState> components, OfficialStatus official) {
        Instant newest = (official != null) ? official.fetchedAt() : null;
        for (ComponentState component : components) {
            Instant checked = component.lastChecked();
            if (checked != null && (newest == null || checked.isAfter(newest))) {
                newest = checked;
            }
        }
        return newest;
    }

    /**
     * A cache of one value per period (an hour, a day: the key), read again when the period changes and otherwise
     * at most every {@code refresh}, on the application's clock.
     */
    private static <V> Cache<Instant, V> latest(Clock clock, Duration refresh) {
        return Caffeine.newBuilder()
            .maximumSize(1)
            .expireAfterWrite(refresh)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
    }

    private List<HourlyRollup> rollups(Instant now) {
        return this.rollups.get(now.truncatedTo(ChronoUnit.HOURS),
                (hour) -> this.history.rollupsSince(hour.minus(Duration.ofDays(UptimeCalculator.BAR_DAYS))));
    }

    private ComponentState component(Component component, List<ProbeResult> results, List<HourlyRollup> rollups,
            OfficialStatus official, Status officialLevel, MonitorState monitor, Instant now) {
        Status officialComponent = null;
        if (official != null && officialLevel.known() && component.officialComponent() != null) {
            Status level = OfficialLevels.of(official.level(component.officialComponent()));
            officialComponent = level.known() ? level : null;
        }
        StatusRules.Verdict verdict = StatusRules.component(component, results, officialComponent, monitor, now,
                this.properties);
        ProbeResult last = results.isEmpty() ? null : results.get(results.size() - 1);
        Set<String> signatures = new LinkedHashSet<>();
        for (int i = Math.max(0, results.size() - SIGNATURE_RESULTS); i < results.size(); i++) {
            signatures.addAll(results.get(i).signatures());
        }
        UptimeCalculator uptime = new UptimeCalculator(rollups, results, now);
        return new ComponentState(component, verdict.level(), verdict.reason(), verdict.decidedBy(), verdict.since(),
                (last != null) ? last.startedAt() : null,
                (last != null && last.latency() != null) ? last.latency().toMillis() : null,
                (last != null) ? last.httpStatus() : null, (last != null) ? last.outcome() : null,
                (last != null) ? last.detail() : null, List.copyOf(signatures), officialComponent, uptime.uptime(),
                uptime.days(), uptime.latency());
    }

    private List<IncidentView> incidents(Provider provider, List<Incident> ours, OfficialStatus official,
            Instant now) {
        Map<String, String> names = new HashMap<>();
        provider.components().forEach((component) -> names.put(component.key(), component.name()));
        Instant from = now.minus(this.properties.incidentWindow());
        List<OfficialIncident> theirs = (official != null) ? official.incidents().stream()
            .filter((incident) -> !incident.resolved() || !incident.resolvedAt().isBefore(from)
                    || !incident.createdAt().isBefore(from))
            .toList() : List.of();
        List<IncidentView> views = new ArrayList<>();
        for (Incident incident : ours) {
            Long lead = StatusRules.detectionLead(incident.getStartedAt(),
                    theirs.stream().filter((o) -> matches(incident, o, now)).toList());
            List<IncidentView.Entry> timeline = incident.getUpdates().stream()
                .map((u) -> new IncidentView.Entry(u.getPostedAt(), u.getLevel().label(), u.getMessage(),
                        OfficialHtml.fromText(u.getMessage())))
                .toList();
            // Incidents keep component keys; older ones kept names, which stay as they are.
            List<String> components = incident.getComponents().stream()
                .map((key) -> names.getOrDefault(key, key))
                .toList();
            views.add(new IncidentView(IncidentTracker.incidentId(incident), false, incident.getTitle(),
                    incident.getImpact(), (incident.getResolvedAt() == null) ? "ongoing" : "resolved",
                    incident.getStartedAt(), incident.getResolvedAt(), components, timeline, null, lead));
        }
        theirs.forEach((incident) -> views.add(IncidentView.of(incident)));
        views.sort(Comparator.comparing(IncidentView::ongoing).reversed()
            .thenComparing(IncidentView::startedAt, Comparator.reverseOrder()));
        return views;
    }

    /**
     * A problem always says since when: a signal that does not know (an official page reporting a level without an
     * incident) falls back to the start of the ongoing incident, which the tracker opened when we first saw it.
     */
    static Instant since(StatusRules.Verdict verdict, List<IncidentView> incidents) {
        if (verdict.since() != null || !verdict.level().problem()) {
            return verdict.since();
        }
        return incidents.stream().filter((incident) -> incident.ongoing() && !incident.official())
            .map(IncidentView::startedAt).min(Instant::compareTo).orElse(null);
    }

    /** An official incident matches ours when it began within an hour either side of ours, or during it. */
    static boolean matches(Incident ours, OfficialIncident theirs, Instant now) {
        Instant start = ours.getStartedAt().minus(Duration.ofHours(1));
        Instant end = ((ours.getResolvedAt() != null) ? ours.getResolvedAt() : now).plus(Duration.ofHours(1));
        return !theirs.createdAt().isBefore(start) && !theirs.createdAt().isAfter(end);
    }

    private static String key(ProbeResult result) {
        return result.provider() + '/' + result.component();
    }

    /** Before the first rebuild: every provider unknown, honestly. */
    private static StatusSnapshot starting(Catalog catalog, Instant now, ModelKeys keys,
            ModelProperties modelProperties) {
        List<ProviderState> states = new ArrayList<>();
        for (Provider provider : catalog.providers()) {
            List<ComponentState> components = provider.components().stream()
                .map((component) -> new ComponentState(component, Status.UNKNOWN,
                        "no data yet: waiting for the first checks", Signal.MONITOR, null, null, null, null, null,
                        null, List.of(), null, Uptime.NONE, List.of(), List.of()))
                .toList();
            states.add(new ProviderState(provider, Status.UNKNOWN, "No data yet: waiting for the first checks",
                    Signal.MONITOR, null, null, components, null, Status.UNKNOWN, List.of(), ReportSummary.none(),
                    provider.models()
                        .stream()
                        .map((definition) -> ModelStates.starting(model(provider, definition, keys, modelProperties, 0)))
                        .toList()));
        }
        return new StatusSnapshot(0, now, MonitorState.STARTING, states);
    }

}
