package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.official.OfficialComponent;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.probe.ProbeResult;

/**
 * The rules that turn signals into levels and words: damping, staleness, the monitor's own health, worst-of, and
 * the official page. Pure functions of their arguments, so that tests can drive every case with a fixed clock.
 */
public final class StatusRules {

    private StatusRules() {
    }

    /** The level one probe result stands for. */
    public static Status level(Outcome outcome) {
        return switch (outcome) {
            case UP -> Status.OPERATIONAL;
            case DEGRADED, RATE_LIMITED -> Status.DEGRADED;
            case DOWN -> Status.MAJOR_OUTAGE;
        };
    }

    /**
     * A level that changes only after {@code damping} agreeing results in a row.
     *
     * @param <T> the kind of result
     * @param level the damped level ({@link Status#UNKNOWN} until the first streak is long enough)
     * @param since the start of the streak that set it, or {@code null}
     * @param streakStart the first result of that streak
     */
    public record Damped<T>(Status level, Instant since, T streakStart) {
    }

    /** Damps results given oldest first. */
    public static Damped<ProbeResult> damp(List<ProbeResult> results, int damping) {
        return damp(results, (result) -> level(result.outcome()), ProbeResult::startedAt, damping);
    }

    /**
     * Damps any kind of check's results given oldest first (front-door probes here, model checks in
     * {@link ModelStates}): the one rule that keeps a single lost packet from showing up as an outage.
     */
    static <T> Damped<T> damp(List<T> results, Function<T, Status> level, Function<T, Instant> startedAt,
            int damping) {
        Status current = Status.UNKNOWN;
        Instant since = null;
        T currentStart = null;
        Status streakLevel = null;
        T streakStart = null;
        int streak = 0;
        for (T result : results) {
            Status raw = level.apply(result);
            if (raw == streakLevel) {
                streak++;
            }
            else {
                streakLevel = raw;
                streakStart = result;
                streak = 1;
            }
            if (raw != current && streak >= damping) {
                current = raw;
                since = startedAt.apply(streakStart);
                currentStart = streakStart;
            }
        }
        return new Damped<>(current, since, currentStart);
    }

    /**
     * A component's verdict.
     *
     * @param level its level
     * @param reason in words, without the component's name
     * @param decidedBy the signal that set it
     * @param since when it began, or {@code null}
     */
    public record Verdict(Status level, String reason, Signal decidedBy, Instant since) {
    }

    /**
     * Judges one component.
     *
     * @param component the catalog definition
     * @param results its recent results, oldest first
     * @param officialLevel its official component's level, or {@code null} when none counts
     * @param monitor our monitor's health
     * @param now the present
     * @param properties damping and staleness
     */
    public static Verdict component(Component component, List<ProbeResult> results, Status officialLevel,
            MonitorState monitor, Instant now, StatusProperties properties) {
        Verdict probe = probeVerdict(component, results, monitor, now, properties);
        if (officialLevel == null || !officialLevel.known()
                || (probe.level().known() && officialLevel.severity() <= probe.level().severity())) {
            return probe;
        }
        return new Verdict(officialLevel, "official status page reports " + article(officialLevel),
                Signal.OFFICIAL, null);
    }

    private static Verdict probeVerdict(Component component, List<ProbeResult> results, MonitorState monitor,
            Instant now, StatusProperties properties) {
        if (monitor.offline()) {
            return new Verdict(Status.UNKNOWN, "no fresh data: monitoring offline", Signal.MONITOR, null);
        }
        if (results.isEmpty()) {
            return new Verdict(Status.UNKNOWN, "no data yet: waiting for the first checks", Signal.MONITOR, null);
        }
        ProbeResult last = results.get(results.size() - 1);
        Duration staleAfter = component.probe().interval().multipliedBy(properties.staleAfterIntervals());
        if (last.startedAt().isBefore(now.minus(staleAfter))) {
            return new Verdict(Status.UNKNOWN,
                    "no fresh data since " + TimeWords.clock(last.startedAt()), Signal.MONITOR, last.startedAt());
        }
        Damped<ProbeResult> damped = damp(results, properties.damping());
        if (!damped.level().known()) {
            return new Verdict(Status.UNKNOWN, "no data yet: waiting for " + properties.damping()
                    + " agreeing checks", Signal.MONITOR, null);
        }
        // The words cite the latest result that supports the level, not simply the latest one: while damping holds
        // a level, the latest result may already disagree with it.
        ProbeResult evidence = evidence(results, damped.level());
        String reason = switch (damped.level()) {
            case OPERATIONAL -> "answering normally (" + describe(evidence) + ")";
            case DEGRADED -> (evidence.outcome() == Outcome.RATE_LIMITED)
                    ? "rate limiting our probe (" + describe(evidence) + ")"
                    : "answering slowly (" + describe(evidence) + ", threshold "
                            + millis(component.probe().latencyThreshold().toMillis()) + ")";
            default -> "front door failing (" + describe(evidence) + ")";
        };
        return new Verdict(damped.level(), reason, Signal.PROBE, damped.since());
    }

    private static ProbeResult evidence(List<ProbeResult> results, Status level) {
        for (int i = results.size() - 1; i >= 0; i--) {
            if (level(results.get(i).outcome()) == level) {
                return results.get(i);
            }
        }
        return results.get(results.size() - 1);
    }

    private static String describe(ProbeResult result) {
        StringBuilder text = new StringBuilder();
        if (result.httpStatus() != null) {
            text.append("HTTP ").append(result.httpStatus());
        }
        else if (result.detail() != null && !result.detail().isBlank()) {
            text.append(result.detail());
        }
        else if (result.errorClass() != null) {
            text.append(result.errorClass().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        }
        if (result.httpStatus() != null && result.latency() != null && result.outcome() != Outcome.DOWN) {
            text.append(" in ").append(millis(result.latency().toMillis()));
        }
        return text.toString();
    }

    static String millis(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /**
     * The official page's level as it counts for the headline: the page's own overall level (its indicator, which is
     * how the provider sums up its page: a few degraded components out of hundreds are not an outage of the
     * provider), at least degraded while it lists an unresolved incident (the page shown must not say "operational"
     * beside an ongoing incident), or {@link Status#UNKNOWN} when it is absent, unreadable or older than
     * {@code staleAfter}.
     */
    public static Status officialLevel(OfficialStatus official, Instant now, Duration staleAfter) {
        if (official == null || !official.readable() || official.fetchedAt().isBefore(now.minus(staleAfter))) {
            return Status.UNKNOWN;
        }
        Status level = OfficialLevels.of(official.overall());
        boolean ongoing = official.incidents()
            .stream()
            .anyMatch((incident) -> !incident.resolved() && OfficialLevels.of(incident.impact()).problem());
        return (ongoing && !level.problem()) ? Status.DEGRADED : level;
    }

    /**
     * A provider's headline: worst-of its components (some but not all components down is a partial outage, all of
     * them down a major one) and its official page, with the deciding signal in words.
     */
    public static Verdict provider(Provider provider, List<ComponentState> components, OfficialStatus official,
            Status officialLevel, MonitorState monitor, Instant now) {
        Status probeLevel = componentsLevel(components);
        Status level = Status.worse(probeLevel, officialLevel);
        if (!level.known()) {
            return new Verdict(Status.UNKNOWN, unknownReason(components, monitor, now), Signal.MONITOR,
                    unknownSince(components, monitor));
        }
        List<ComponentState> worst = components.stream().filter((c) -> c.level() == worstComponent(components)).toList();
        boolean officialDecides = officialLevel.known() && (!probeLevel.known()
                || officialLevel.severity() > probeLevel.severity() || (officialLevel == level
                        && worst.stream().allMatch((c) -> c.decidedBy() == Signal.OFFICIAL)));
        if (officialDecides) {
            return new Verdict(level, officialReason(official, officialLevel), Signal.OFFICIAL,
                    officialSince(official));
        }
        if (level == Status.OPERATIONAL) {
            // Healthy since the last component recovered.
            Instant since = components.stream().map(ComponentState::since).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
            long known = components.stream().filter((c) -> c.level().known()).count();
            String reason = (known == components.size())
                    ? ((components.size() == 1) ? components.get(0).component().name() + " answering normally"
                            : "All " + components.size() + " components answering normally")
                    : known + " of " + components.size() + " components answering normally; "
                            + unknownNames(components) + ": no fresh data";
            if (officialLevel == Status.OPERATIONAL) {
                reason += "; the official page agrees";
            }
            return new Verdict(level, reason, Signal.PROBE, since);
        }
        // In trouble since the first of the worst components failed.
        Instant since = worst.stream().map(ComponentState::since).filter(Objects::nonNull)
            .min(Instant::compareTo).orElse(null);
        ComponentState lead = worst.get(0);
        String reason = lead.component().name() + " " + lead.reason();
        if (worst.size() > 1) {
            reason += " (and " + (worst.size() - 1) + " more)";
        }
        return new Verdict(level, capitalise(reason), lead.decidedBy(), since);
    }

    /** The level the components alone give. */
    public static Status componentsLevel(List<ComponentState> components) {
        Status worst = worstComponent(components);
        if (worst == Status.MAJOR_OUTAGE
                && components.stream().anyMatch((c) -> c.level() != Status.MAJOR_OUTAGE)) {
            return Status.PARTIAL_OUTAGE;
        }
        return worst;
    }

    private static Status worstComponent(List<ComponentState> components) {
        Status worst = Status.UNKNOWN;
        for (ComponentState component : components) {
            worst = Status.worse(worst, component.level());
        }
        return worst;
    }

    private static String unknownReason(List<ComponentState> components, MonitorState monitor, Instant now) {
        if (monitor.offline()) {
            return "No fresh data: monitoring offline"
                    + ((monitor.since() != null) ? " since " + TimeWords.clock(monitor.since()) : "");
        }
        return components.isEmpty() ? "No fresh data" : capitalise(components.get(0).reason());
    }

    /** Offline: since the monitor went offline; stale: since the freshest check we have. */
    private static Instant unknownSince(List<ComponentState> components, MonitorState monitor) {
        if (monitor.offline()) {
            return monitor.since();
        }
        return components.stream().map(ComponentState::lastChecked).filter(Objects::nonNull)
            .max(Instant::compareTo).orElse(null);
    }

    /**
     * When the official page's trouble began: the start of its earliest unresolved incident, or {@code null} when
     * it reports a level without an incident (the engine then falls back to when we first saw it).
     */
    static Instant officialSince(OfficialStatus official) {
        return official.incidents().stream().filter((incident) -> !incident.resolved())
            .map(StatusRules::began).min(Instant::compareTo).orElse(null);
    }

    /** An official incident began at its creation or at its earliest update, whichever came first. */
    static Instant began(OfficialIncident incident) {
        Instant began = incident.createdAt();
        for (OfficialIncident.Update update : incident.updates()) {
            if (update.at() != null && update.at().isBefore(began)) {
                began = update.at();
            }
        }
        return began;
    }

    /**
     * How many minutes before the official page we saw an incident: positive when ours began first, zero or
     * negative when the official page was first, {@code null} when no official incident matches.
     *
     * @param ours when our incident began
     * @param official the official incidents that match ours
     */
    public static Long detectionLead(Instant ours, List<OfficialIncident> official) {
        return official.stream().map(StatusRules::began).min(Instant::compareTo)
            .map((first) -> Duration.between(ours, first).toMinutes()).orElse(null);
    }

    private static String unknownNames(List<ComponentState> components) {
        List<String> names = new ArrayList<>();
        components.stream().filter((c) -> !c.level().known()).forEach((c) -> names.add(c.component().name()));
        return String.join(", ", names);
    }

    private static String officialReason(OfficialStatus official, Status level) {
        StringBuilder reason = new StringBuilder("Official status page reports ").append(article(level));
        if (level == Status.MAINTENANCE) {
            official.maintenancesInProgress().stream().findFirst()
                .ifPresent((maintenance) -> reason.append(": ").append(maintenance.name()));
            return reason.toString();
        }
        List<String> affected = new ArrayList<>();
        for (OfficialComponent component : official.leaves()) {
            if (OfficialLevels.of(component.level()) == level) {
                affected.add(component.name());
            }
        }
        if (!affected.isEmpty()) {
            reason.append(" of ").append(String.join(", ", affected.subList(0, Math.min(3, affected.size()))));
            if (affected.size() > 3) {
                reason.append(" and ").append(affected.size() - 3).append(" more");
            }
        }
        else {
            official.incidents().stream().filter((incident) -> !incident.resolved()).findFirst()
                .map(OfficialIncident::name)
                .ifPresent((name) -> reason.append(": ").append(name));
        }
        return reason.toString();
    }

    private static String article(Status level) {
        return switch (level) {
            case DEGRADED -> "degraded performance";
            case PARTIAL_OUTAGE -> "a partial outage";
            case MAJOR_OUTAGE -> "a major outage";
            case MAINTENANCE -> "maintenance";
            case OPERATIONAL -> "normal operation";
            case UNKNOWN -> "no usable status";
        };
    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
