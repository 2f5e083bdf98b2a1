package dev.llmstatus.support;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        Instant end = this.clock.instant().plus(Duration.ofMinutes(minutes));
        List<ProbeResult> results = new ArrayList<>();
        for (Provider provider : this.catalog.providers()) {
            for (Component component : provider.components()) {
                if (named(silent, provider, component)) {
                    continue;
                }
                boolean down = named(failing, provider, component);
                for (int i = minutes - 1; i >= 0; i--) {
                    Instant at = end.minus(Duration.ofMinutes(i));
                    results.add(down
                            ? new ProbeResult(provider.slug(), component.key(), at, Duration.ofMillis(80), 503,
                                    Outcome.DOWN, ErrorClass.HTTP_5XX, "TLSv1.3", null, "text/html", List.of(),
                                    "HTTP 503")
                            : new ProbeResult(provider.slug(), component.key(), at, Duration.ofMillis(200), 401,
                                    Outcome.UP, null, "TLSv1.3", null, "application/json", List.of(), "HTTP 401"));
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
