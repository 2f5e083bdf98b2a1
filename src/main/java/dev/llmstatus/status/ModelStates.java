package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.llmstatus.model.ModelOutcome;
import dev.llmstatus.model.ModelResult;
import dev.llmstatus.model.ModelRollup;
import dev.llmstatus.probe.HourlyRollup;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.Percentiles;

/**
 * The rules that turn a model's check results into a {@link ModelState}: not configured, paused, stale, our own key
 * at fault (all Unknown, each saying why), otherwise damped like a component. Pure functions of their arguments.
 */
final class ModelStates {

    private ModelStates() {
    }

    /**
     * What the engine knows about one model.
     *
     * @param provider provider slug
     * @param id model id
     * @param name display name
     * @param interval time between checks
     * @param configured whether a key is present
     * @param budget the provider's daily request budget
     * @param usedToday requests the provider's models used today
     */
    record Model(String provider, String id, String name, Duration interval, boolean configured, int budget,
            long usedToday) {
    }

    static ModelState state(Model model, List<ModelResult> results, List<ModelRollup> rollups, MonitorState monitor,
            Instant now, StatusProperties properties, Function<ModelResult, String> topics) {
        boolean paused = model.configured() && model.usedToday() >= model.budget();
        ModelResult last = results.isEmpty() ? null : results.get(results.size() - 1);
        ModelResult lastError = null;
        for (ModelResult result : results) {
            if (result.outcome() != ModelOutcome.OK) {
                lastError = result;
            }
        }
        List<ModelResult> lastHour = results.stream()
            .filter((r) -> !r.startedAt().isBefore(now.minus(Duration.ofHours(1))))
            .toList();
        List<Long> ttfts = lastHour.stream().map(ModelResult::ttftMillis).filter((t) -> t != null).toList();
        List<Double> rates = lastHour.stream().map(ModelResult::tokensPerSecond).filter((t) -> t != null).toList();
        Instant currentHour = now.truncatedTo(ChronoUnit.HOURS);
        List<ModelRollup> complete = rollups.stream().filter((r) -> r.hour().isBefore(currentHour)).toList();
        List<ModelResult> current = results.stream().filter((r) -> !r.startedAt().isBefore(currentHour)).toList();
        UptimeCalculator uptime = new UptimeCalculator(complete.stream().map(ModelStates::hourly).toList(),
                current.stream().filter((r) -> r.outcome().impact() != ModelOutcome.Impact.OURS)
                    .map((result) -> result.toProbeResult(result.model()))
                    .toList(),
                now);
        Verdict verdict = verdict(model, results, paused, monitor, now, properties);
        return new ModelState(model.id(), model.name(), verdict.level(), verdict.reason(), verdict.since(),
                model.configured(), paused, last, lastError, (lastError != null) ? topics.apply(lastError) : null,
                Percentiles.of(ttfts, 0.5), Percentiles.of(ttfts, 0.95),
                Percentiles.ofDoubles(rates, 0.5), lastHour.size(), uptime.uptime(), uptime.days(),
                hours(complete, current, currentHour));
    }

    /** A model that has no history yet, or a snapshot built before the first rebuild. */
    static ModelState starting(Model model) {
        Verdict verdict = model.configured()
                ? new Verdict(Status.UNKNOWN, "no data yet: waiting for the first check", null)
                : new Verdict(Status.UNKNOWN, NOT_CONFIGURED, null);
        return new ModelState(model.id(), model.name(), verdict.level(), verdict.reason(), null, model.configured(),
                false, null, null, null, null, null, null, 0, Uptime.NONE, List.of(), List.of());
    }

    static final String NOT_CONFIGURED = "model checks are not configured on this instance";

    private record Verdict(Status level, String reason, Instant since) {
    }

    private static Verdict verdict(Model model, List<ModelResult> results, boolean paused, MonitorState monitor,
            Instant now, StatusProperties properties) {
        if (!model.configured()) {
            return new Verdict(Status.UNKNOWN, NOT_CONFIGURED, null);
        }
        if (monitor.offline()) {
            return new Verdict(Status.UNKNOWN, "no fresh data: monitoring offline", null);
        }
        String pausedReason = "checks paused: today's budget of " + model.budget() + " requests to "
                + model.provider() + " is used up; they resume at 00:00 UTC";
        if (results.isEmpty()) {
            return new Verdict(Status.UNKNOWN, paused ? pausedReason : "no data yet: waiting for the first check",
                    null);
        }
        ModelResult last = results.get(results.size() - 1);
        if (last.startedAt().isBefore(now.minus(model.interval().multipliedBy(properties.staleAfterIntervals())))) {
            return new Verdict(Status.UNKNOWN,
                    paused ? pausedReason : "no fresh data: last check at " + TimeWords.clock(last.startedAt()), null);
        }
        if (last.outcome().impact() == ModelOutcome.Impact.OURS) {
            return new Verdict(Status.UNKNOWN, ours(last) + "; this says nothing about " + model.provider(), null);
        }
        List<ModelResult> counted = results.stream()
            .filter((r) -> r.outcome().impact() != ModelOutcome.Impact.OURS)
            .toList();
        StatusRules.Damped<ModelResult> damped = StatusRules.damp(counted, (result) -> level(result.outcome()),
                ModelResult::startedAt, properties.damping());
        Status current = damped.level();
        Instant since = damped.since();
        if (!current.known()) {
            return new Verdict(Status.UNKNOWN, "no data yet: waiting for " + properties.damping() + " agreeing checks",
                    null);
        }
        String lasting = (since != null) ? " for " + TimeWords.duration(Duration.between(since, now)) : "";
        // The words cite the latest check that supports the level, not a newer one that damping has not taken yet.
        ModelResult evidence = last;
        for (ModelResult result : counted) {
            if (level(result.outcome()) == current) {
                evidence = result;
            }
        }
        String reason = switch (current) {
            case OPERATIONAL -> "answering correctly (" + figures(evidence) + ")";
            case DEGRADED -> switch (evidence.outcome()) {
                case RATE_LIMITED -> "rate limiting our check" + lasting + " (" + evidence.summary() + ")";
                case WRONG_ANSWER -> "wrong answer" + lasting + " (" + evidence.detail() + ")";
                default -> "slow" + lasting + " (" + evidence.detail() + ")";
            };
            default -> "failing: " + evidence.summary() + lasting;
        };
        return new Verdict(current, reason, since);
    }

    /**
     * The provider's headline with its models counted: worst-of components and models, where one failing model
     * beside working components or models is a partial outage, and every one of them down a major outage. A model
     * decides only when it is worse than what the components and the official page say, and is then named in the
     * reason ("deepseek-chat failing: HTTP 503 for 6 min").
     */
    static StatusRules.Verdict headline(StatusRules.Verdict verdict, List<ComponentState> components,
            List<ModelState> models, Instant now) {
        List<ModelState> known = models.stream().filter((model) -> model.level().known()).toList();
        if (known.isEmpty()) {
            return verdict;
        }
        Status worstModel = known.stream().map(ModelState::level).reduce(Status.UNKNOWN, Status::worse);
        boolean everythingDown = worstModel == Status.MAJOR_OUTAGE
                && known.stream().allMatch((model) -> model.level() == Status.MAJOR_OUTAGE)
                && components.stream().allMatch((c) -> !c.level().known() || c.level() == Status.MAJOR_OUTAGE);
        Status level = (worstModel == Status.MAJOR_OUTAGE && !everythingDown) ? Status.PARTIAL_OUTAGE : worstModel;
        if (verdict.level().known() && level.severity() <= verdict.level().severity()) {
            return verdict;
        }
        List<ModelState> worst = known.stream().filter((model) -> model.level() == worstModel).toList();
        ModelState lead = worst.get(0);
        String reason = lead.id() + " " + lead.reason() + ((worst.size() > 1) ? " (and " + (worst.size() - 1)
                + " more model" + ((worst.size() > 2) ? "s" : "") + ")" : "");
        Instant since = worst.stream().map(ModelState::since).filter((at) -> at != null).min(Instant::compareTo)
            .orElse(null);
        return new StatusRules.Verdict(level, reason, Signal.MODEL, since);
    }

    /** The level one check stands for (never called for our own key's failures). */
    static Status level(ModelOutcome outcome) {
        return switch (outcome.impact()) {
            case NONE -> Status.OPERATIONAL;
            case DEGRADED -> Status.DEGRADED;
            default -> Status.MAJOR_OUTAGE;
        };
    }

    private static String ours(ModelResult result) {
        String what = switch (result.outcome()) {
            case KEY_REJECTED -> "not checked: our API key was refused";
            case QUOTA_EXHAUSTED -> "not checked: our account is out of quota or credit";
            default -> "not checked: our request was refused";
        };
        return what + " (" + result.summary() + ")";
    }

    private static String figures(ModelResult result) {
        StringBuilder text = new StringBuilder();
        if (result.ttftMillis() != null) {
            text.append("first token in ").append(StatusRules.millis(result.ttftMillis()));
        }
        if (result.tokensPerSecond() != null) {
            text.append(text.isEmpty() ? "" : ", ")
                .append(String.format(Locale.ROOT, "%.0f tokens/s", result.tokensPerSecond()));
        }
        return text.isEmpty() ? result.detail() : text.toString();
    }

    private static HourlyRollup hourly(ModelRollup rollup) {
        return new HourlyRollup(rollup.provider(), rollup.model(), rollup.hour(), rollup.checks() - rollup.ours(),
                rollup.failures(), rollup.degraded(), (rollup.ttftP50() != null) ? rollup.ttftP50() : 0,
                (rollup.ttftP95() != null) ? rollup.ttftP95() : 0);
    }

    /** The 24 hourly points of the charts: complete hours from rollups, the current one from raw results. */
    private static List<ModelState.Hour> hours(List<ModelRollup> complete, List<ModelResult> current,
            Instant currentHour) {
        Map<Instant, ModelRollup> byHour = new HashMap<>();
        complete.forEach((rollup) -> byHour.put(rollup.hour(), rollup));
        List<ModelState.Hour> hours = new ArrayList<>(UptimeCalculator.LATENCY_HOURS);
        for (int i = UptimeCalculator.LATENCY_HOURS - 1; i > 0; i--) {
            Instant hour = currentHour.minus(Duration.ofHours(i));
            ModelRollup rollup = byHour.get(hour);
            hours.add((rollup == null) ? new ModelState.Hour(hour, null, null, null)
                    : new ModelState.Hour(hour, rollup.ttftP50(), rollup.ttftP95(), rollup.tokensPerSecondP50()));
        }
        List<Long> ttfts = current.stream().map(ModelResult::ttftMillis).filter((t) -> t != null).toList();
        List<Double> rates = current.stream().map(ModelResult::tokensPerSecond).filter((t) -> t != null).toList();
        hours.add(new ModelState.Hour(currentHour, Percentiles.of(ttfts, 0.5), Percentiles.of(ttfts, 0.95),
                Percentiles.ofDoubles(rates, 0.5)));
        return hours;
    }

}
