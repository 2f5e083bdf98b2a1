package dev.llmstatus.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.report.ReportSummary;
import dev.llmstatus.status.ComponentState;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Signal;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.status.Uptime;

/**
 * Snapshots for the MVC slice tests, built from catalog providers: each provider at one level with every component
 * at that level (an outage answering HTTP 503, anything else the front door's 401), last checked a minute before
 * the snapshot, no official page, incidents or reports.
 */
public final class Snapshots {

    public static final Instant BUILT_AT = Instant.parse("2026-11-29T12:00:00Z");

    public static final Instant LAST_CHECKED = BUILT_AT.minusSeconds(60);

    public static final MonitorState ONLINE = new MonitorState(false, BUILT_AT.minusSeconds(3600), BUILT_AT);

    public static final MonitorState OFFLINE = new MonitorState(true, BUILT_AT.minusSeconds(600), BUILT_AT);

    /** Each snapshot a new version, as the engine makes them: the page cache never serves one test another's page. */
    private static final AtomicLong VERSIONS = new AtomicLong();

    private Snapshots() {
    }

    public static StatusSnapshot of(MonitorState monitor, ProviderState... providers) {
        return new StatusSnapshot(VERSIONS.incrementAndGet(), BUILT_AT, monitor, List.of(providers));
    }

    /** The catalog provider {@code slug} at {@code level}, every component saying {@code reason}. */
    public static ProviderState provider(Catalog catalog, String slug, Status level, String reason) {
        Provider provider = catalog.find(slug).orElseThrow();
        List<ComponentState> components = new ArrayList<>();
        for (Component component : provider.components()) {
            components.add(component(component, level, reason));
        }
        return new ProviderState(provider, level, reason, Signal.PROBE, BUILT_AT.minusSeconds(1800),
                level.known() ? LAST_CHECKED : null, components, null, Status.UNKNOWN, List.of(),
                ReportSummary.none(), List.of());
    }

    public static ProviderState withModels(ProviderState state, ModelState... models) {
        return new ProviderState(state.provider(), state.level(), state.reason(), state.decidedBy(), state.since(),
                state.lastChecked(), state.components(), state.official(), state.officialLevel(), state.incidents(),
                state.reports(), List.of(models));
    }

    public static ProviderState withIncidents(ProviderState state, IncidentView... incidents) {
        return new ProviderState(state.provider(), state.level(), state.reason(), state.decidedBy(), state.since(),
                state.lastChecked(), state.components(), state.official(), state.officialLevel(), List.of(incidents),
                state.reports(), state.models());
    }

    private static ComponentState component(Component component, Status level, String reason) {
        boolean known = level.known();
        Outcome outcome = switch (level) {
            case OPERATIONAL, MAINTENANCE -> Outcome.UP;
            case DEGRADED -> Outcome.DEGRADED;
            case PARTIAL_OUTAGE, MAJOR_OUTAGE -> Outcome.DOWN;
            case UNKNOWN -> null;
        };
        Integer http = (outcome == Outcome.DOWN) ? Integer.valueOf(503) : known ? Integer.valueOf(401) : null;
        return new ComponentState(component, level, reason, Signal.PROBE, known ? BUILT_AT.minusSeconds(1800) : null,
                known ? LAST_CHECKED : null, known ? 120L : null, http, outcome, (http != null) ? "HTTP " + http : null,
                List.of(), null, Uptime.NONE, List.of(), List.of());
    }

}
