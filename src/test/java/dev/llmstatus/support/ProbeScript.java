package dev.llmstatus.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.ErrorClass;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.probe.ProbeResult;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scripts the history the status engine reads: one probe result a minute for every catalog component, written into
 * an {@link InMemoryProbeHistory}, with the clock moved to the last of them. Components are named
 * {@code "slug/key"}; a provider's slug alone names all of its components. A bean of
 * {@link ScriptedHistoryConfiguration}.
 */
public final class ProbeScript {

    private final InMemoryProbeHistory history;

    private final MutableClock clock;

    private final Catalog catalog;

    private final JdbcTemplate jdbc;

    ProbeScript(InMemoryProbeHistory history, MutableClock clock, Catalog catalog, JdbcTemplate jdbc) {
        this.history = history;
        this.clock = clock;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** Back to the start: no results, no incidents, the clock at {@link ScriptedHistoryConfiguration#START}, online. */
    public void reset() {
        this.history.clear();
        this.clock.set(ScriptedHistoryConfiguration.START);
        this.jdbc.update("delete from incident_update");
        this.jdbc.update("delete from incident");
        this.jdbc.update("delete from provider_track");
        this.jdbc.update("delete from component_track");
        this.history.monitor(new MonitorState(false, this.clock.instant(), this.clock.instant()));
    }

    /** Every component answers normally. */
    public void healthy(int minutes) {
        run(minutes, Set.of(), Set.of());
    }

    /** The named components answer HTTP 503, every other one answers normally. */
    public void failing(int minutes, String... failing) {
        run(minutes, Set.of(failing), Set.of());
    }

    /**
     * @param minutes how many one-minute cycles
     * @param failing components that answer HTTP 503
     * @param silent components that get no result at all
     */
    public void run(int minutes, Set<String> failing, Set<String> silent) {
        run(minutes, (provider, component) -> {
            if (named(silent, provider, component)) {
                return null;
            }
            return named(failing, provider, component) ? answer(503, Outcome.DOWN, List.of())
                    : answer(401, Outcome.UP, List.of());
        });
    }

    /**
     * The named components answer like {@code answer} (its status, outcome, error class, signatures and detail; its
     * provider, component and time are ignored), every other one answers normally.
     */
    public void answering(int minutes, ProbeResult answer, String... components) {
        Set<String> named = Set.of(components);
        run(minutes, (provider, component) -> named(named, provider, component) ? answer
                : answer(401, Outcome.UP, List.of()));
    }

    /** An answer to script: HTTP 5xx count as server errors, anything else as answered. */
    public static ProbeResult answer(int status, Outcome outcome, List<String> signatures) {
        return new ProbeResult(null, null, null, Duration.ofMillis((status >= 500) ? 80 : 200), status, outcome,
                (status >= 500) ? ErrorClass.HTTP_5XX : null, "TLSv1.3", null,
                (status == 503) ? "text/html" : "application/json", signatures, "HTTP " + status);
    }

    private void run(int minutes, BiFunction<Provider, Component, ProbeResult> answers) {
        Instant end = this.clock.instant().plus(Duration.ofMinutes(minutes));
        List<ProbeResult> results = new ArrayList<>();
        for (Provider provider : this.catalog.providers()) {
            for (Component component : provider.components()) {
                ProbeResult answer = answers.apply(provider, component);
                if (answer == null) {
                    continue;
                }
                for (int i = minutes - 1; i >= 0; i--) {
                    results.add(new ProbeResult(provider.slug(), component.key(), end.minus(Duration.ofMinutes(i)),
                            answer.latency(), answer.httpStatus(), answer.outcome(), answer.errorClass(), answer.tls(),
                            answer.retryAfter(), answer.contentType(), answer.signatures(), answer.detail()));
                }
            }
        }
        this.history.add(results);
        this.clock.set(end);
    }

    private static boolean named(Set<String> names, Provider provider, Component component) {
        return names.contains(provider.slug()) || names.contains(provider.slug() + "/" + component.key());
    }

}
