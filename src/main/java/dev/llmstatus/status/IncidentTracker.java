package dev.llmstatus.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.catalog.Provider;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records changes of what we tell visitors, once per change across the cluster, and announces each as a
 * {@link StatusEvent}. Opens an incident when a provider leaves operational (after damping), posts an update when
 * its level or its affected components change, resolves it when the provider is back; and records each
 * component's level changes. An unknown level changes nothing, because "we cannot tell" is neither a recovery nor
 * a new failure.
 * <p>
 * Every instance builds the same verdicts from the shared database, so several may see a change at once. Each
 * provider's changes are written in one transaction that also writes its versioned {@link ProviderTrack} row:
 * the first instance to commit records the change and publishes its events; the others find the version moved,
 * roll back (their events with them), and see the change already recorded on their next look. An instance whose
 * view rests on older evidence than the recorded change (it has not yet read the newest checks) does not undo it.
 * <p>
 * Events are published inside that transaction (see {@link StatusEvent}). What is recorded is read for all
 * providers at once (three small queries), and a write transaction opens only for a provider whose verdict
 * disagrees with it.
 */
@Component
class IncidentTracker {

    private static final Logger logger = LoggerFactory.getLogger(IncidentTracker.class);

    private final ProviderTrackRepository tracks;

    private final ComponentTrackRepository componentTracks;

    private final IncidentRepository incidents;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    /** Providers whose latest write failed, with its message: the error is logged once per kind of failure. */
    private final Map<String, String> failing = new ConcurrentHashMap<>();

    private final Counter failures;

    IncidentTracker(ProviderTrackRepository tracks, ComponentTrackRepository componentTracks,
            IncidentRepository incidents, TransactionTemplate transactions, ApplicationEventPublisher events,
            MeterRegistry meters) {
        this.tracks = tracks;
        this.componentTracks = componentTracks;
        this.incidents = incidents;
        this.transactions = transactions;
        this.events = events;
        this.failures = Counter.builder("llmstatus.incidents.write.failures")
            .description("Changes of a provider's status that could not be recorded as incidents")
            .register(meters);
    }

    /** What came of applying a verdict. */
    enum Applied {

        /** The verdict agrees with what is recorded. */
        UNCHANGED,

        /** This instance recorded a change and published its events. */
        RECORDED,

        /** Another instance recorded a change of this provider first; its record and events count. */
        LOST,

        /** The change could not be written (logged as an error and counted); retried with the next verdict. */
        FAILED

    }

    /**
     * One provider's verdict in a snapshot.
     *
     * @param provider the provider
     * @param verdict its headline verdict
     * @param components its components' states, in catalog order
     * @param evidenceAt the newest check or official reading the verdict was decided on, or {@code null}
     */
    record Observation(Provider provider, StatusRules.Verdict verdict, List<ComponentState> components,
            Instant evidenceAt) {
    }

    /**
     * Applies every provider's current verdict.
     *
     * @return what came of each, by provider slug
     */
    Map<String, Applied> apply(List<Observation> observations, Instant now) {
        Map<String, Recorded> recorded = this.transactions.execute((status) -> readAll());
        Map<String, Applied> applied = new HashMap<>();
        for (Observation observation : observations) {
            String slug = observation.provider().slug();
            boolean agrees = recorded.getOrDefault(slug, Recorded.NOTHING)
                .agrees(observation.verdict().level(), affected(observation.components()), observation.components());
            applied.put(slug, agrees ? Applied.UNCHANGED : apply(observation.provider(), observation.verdict(),
                    observation.components(), observation.evidenceAt(), now));
        }
        return applied;
    }

    private Map<String, Recorded> readAll() {
        Map<String, Map<String, Status>> levels = new HashMap<>();
        this.componentTracks.findAll()
            .forEach((row) -> levels.computeIfAbsent(row.getProvider(), (key) -> new HashMap<>())
                .put(row.getComponent(), row.getLevel()));
        Map<Long, Incident> open = new HashMap<>();
        this.incidents.findByResolvedAtIsNull().forEach((incident) -> open.put(incident.getId(), incident));
        Map<String, Recorded> recorded = new HashMap<>();
        for (ProviderTrack track : this.tracks.findAll()) {
            Incident incident = open.get(track.getOpenIncidentId());
            recorded.put(track.getProvider(), new Recorded(track.getLevel(),
                    (incident != null) ? Set.copyOf(incident.getComponents()) : Set.of(),
                    levels.getOrDefault(track.getProvider(), Map.of())));
        }
        return recorded;
    }

    private Applied apply(Provider provider, StatusRules.Verdict verdict, List<ComponentState> components,
            Instant evidenceAt, Instant now) {
        try {
            Applied applied = write(provider, verdict, components, evidenceAt, now);
            if (this.failing.remove(provider.slug()) != null) {
                logger.info("Incident tracking of {} works again", provider.slug());
            }
            return applied;
        }
        catch (DataAccessException ex) {
            this.failures.increment();
            String previous = this.failing.put(provider.slug(), String.valueOf(ex.getMessage()));
            if (!String.valueOf(ex.getMessage()).equals(previous)) {
                logger.error("Could not record the change of {} to {}; the page shows it, but no incident or "
                        + "notification follows until this is fixed (retried with each snapshot)", provider.slug(),
                        verdict.level(), ex);
            }
            return Applied.FAILED;
        }
    }

    private Applied write(Provider provider, StatusRules.Verdict verdict, List<ComponentState> components,
            Instant evidenceAt, Instant now) {
        try {
            return this.transactions.execute((status) -> record(provider, verdict, components, evidenceAt, now));
        }
        catch (OptimisticLockingFailureException ex) {
            // Another instance updated one of the rows this change writes since we read them.
            return lost(provider, ex);
        }
        catch (DataIntegrityViolationException ex) {
            // Two instances creating the same first row collide on its key rather than on a version; any other
            // violation is a real failure.
            Recorded recordedNow = this.transactions.execute((status) -> readAll())
                .getOrDefault(provider.slug(), Recorded.NOTHING);
            if (recordedNow.agrees(verdict.level(), affected(components), components)) {
                return lost(provider, ex);
            }
            throw ex;
        }
    }

    private Applied lost(Provider provider, RuntimeException ex) {
        logger.debug("Another instance recorded the change of {} first: {}", provider.slug(), ex.getMessage());
        return Applied.LOST;
    }

    private Applied record(Provider provider, StatusRules.Verdict verdict, List<ComponentState> components,
            Instant evidenceAt, Instant now) {
        String slug = provider.slug();
        ProviderTrack found = this.tracks.findById(slug).orElse(null);
        ProviderTrack track = (found != null) ? found : new ProviderTrack(slug);
        Map<String, ComponentTrack> componentRows = new HashMap<>();
        this.componentTracks.findByProvider(slug).forEach((row) -> componentRows.put(row.getComponent(), row));
        List<StatusEvent> changes = new ArrayList<>();
        if (evidenceAt != null && track.getEvidenceAt() != null && evidenceAt.isBefore(track.getEvidenceAt())) {
            // Our view is older than what another instance already recorded: do not undo it.
            return Applied.UNCHANGED;
        }
        for (ComponentState state : components) {
            recordComponent(slug, state, componentRows, now, changes);
        }
        Incident open = null;
        if (track.getOpenIncidentId() != null) {
            open = this.incidents.findById(track.getOpenIncidentId())
                .filter((incident) -> incident.getResolvedAt() == null)
                .orElse(null);
            if (open == null) {
                // Its incident is gone or was resolved elsewhere: start over from the tracked level.
                track.track(track.getLevel(), track.getSince(), null);
            }
        }
        recordProvider(provider, track, open, verdict, affected(components), now, changes);
        if (!changes.isEmpty()) {
            track.decidedOn(evidenceAt);
        }
        // Flushed here rather than at commit, so that a lost race shows before any event is published.
        this.tracks.saveAndFlush(track);
        this.componentTracks.flush();
        changes.forEach(this.events::publishEvent);
        return changes.isEmpty() ? Applied.UNCHANGED : Applied.RECORDED;
    }

    private void recordComponent(String provider, ComponentState state, Map<String, ComponentTrack> rows,
            Instant now, List<StatusEvent> changes) {
        Status level = state.level();
        if (!level.known()) {
            return;
        }
        String key = state.component().key();
        ComponentTrack row = rows.get(key);
        Status old = (row != null) ? row.getLevel() : Status.OPERATIONAL;
        if (old == level) {
            return;
        }
        if (row == null) {
            row = new ComponentTrack(provider, key);
            rows.put(key, row);
        }
        Instant at = at(state.since(), now);
        row.change(level, at);
        this.componentTracks.save(row);
        changes.add(new ComponentLevelChanged("component-" + provider + "/" + key + "-" + row.getChanges(), provider,
                key, old, level, state.reason(), at));
    }

    private void recordProvider(Provider provider, ProviderTrack track, Incident open, StatusRules.Verdict verdict,
            List<String> affected, Instant now, List<StatusEvent> changes) {
        Status level = verdict.level();
        if (!level.known()) {
            return;
        }
        String slug = provider.slug();
        Instant at = at(verdict.since(), now);
        if (open == null) {
            if (!level.problem()) {
                if (track.getLevel() != level) {
                    track.track(level, at, null);
                }
                return;
            }
            Incident incident = new Incident(slug, IncidentTexts.title(provider.name(), level, names(provider, affected)),
                    level, affected, at);
            incident.post(at, level, verdict.reason());
            this.incidents.saveAndFlush(incident);
            track.track(level, at, incident.getId());
            changes.add(new IncidentOpened(eventId(incident, "opened"), slug, incidentId(incident), false,
                    incident.getTitle(), incident.getComponents(), level, verdict.reason(), at));
            return;
        }
        if (!level.problem()) {
            open.resolve(at);
            String reason = "Resolved: " + verdict.reason();
            open.post(open.getResolvedAt(), level, reason);
            track.track(level, at, null);
            changes.add(new IncidentResolved(eventId(open, "resolved"), slug, incidentId(open), false,
                    open.getTitle(), open.getComponents(), open.getImpact(), reason, open.getStartedAt(),
                    open.getResolvedAt()));
            return;
        }
        if (open.getLevel() == level && open.getComponents().containsAll(affected)) {
            return;
        }
        Status old = open.getLevel();
        open.changeLevel(level, affected, IncidentTexts.title(provider.name(), level, names(provider, affected)));
        String reason = "Now " + level.label().toLowerCase(Locale.ROOT) + ": " + verdict.reason();
        open.post(at, level, reason);
        track.track(level, at, open.getId());
        changes.add(new IncidentUpdated(eventId(open, "updated-" + open.getUpdates().size()), slug, incidentId(open),
                false, open.getTitle(), open.getComponents(), old, level, reason, open.getStartedAt(), at));
    }

    private static Instant at(Instant since, Instant now) {
        return (since != null && !since.isAfter(now)) ? since : now;
    }

    private static List<String> affected(List<ComponentState> components) {
        return components.stream().filter((c) -> c.level().problem()).map((c) -> c.component().key()).toList();
    }

    private static List<String> names(Provider provider, List<String> keys) {
        Map<String, String> byKey = new HashMap<>();
        provider.components().forEach((component) -> byKey.put(component.key(), component.name()));
        return keys.stream().map((key) -> byKey.getOrDefault(key, key)).toList();
    }

    /** The id pages and events use for one of our incidents. */
    static String incidentId(Incident incident) {
        return "m-" + incident.getId();
    }

    private static String eventId(Incident incident, String change) {
        return "incident-" + incident.getId() + "-" + change;
    }

    /**
     * What is recorded for a provider, as far as a verdict can disagree with it.
     *
     * @param level the provider's tracked level
     * @param affected the keys of the components its open incident lists (empty when none is open)
     * @param components each component's tracked level; a missing one is operational
     */
    private record Recorded(Status level, Set<String> affected, Map<String, Status> components) {

        /** A provider with no row yet: operational, as far as anyone recorded. */
        static final Recorded NOTHING = new Recorded(Status.OPERATIONAL, Set.of(), Map.of());

        boolean agrees(Status level, List<String> affected, List<ComponentState> components) {
            if (level.known() && (level != this.level || !this.affected.containsAll(affected))) {
                return false;
            }
            return components.stream()
                .filter((state) -> state.level().known())
                .allMatch((state) -> state.level() == this.components.getOrDefault(state.component().key(),
                        Status.OPERATIONAL));
        }

    }

}
