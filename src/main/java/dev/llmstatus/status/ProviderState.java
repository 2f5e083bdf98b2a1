package dev.llmstatus.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.llmstatus.catalog.Provider;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.report.ReportSummary;

/**
 * One provider as the snapshot shows it. The level is derived from the components and the official reading held
 * here, so a page built from this record cannot contradict itself.
 *
 * @param provider its catalog definition
 * @param level the headline level
 * @param reason the headline in one line of words
 * @param decidedBy which signal set the level
 * @param since when the current level began, or {@code null} when unknown
 * @param lastChecked the freshest check of any of its components, or {@code null}
 * @param components its components, in catalog order
 * @param official the latest reading of its official page, or {@code null} when it has none or none was read
 * @param officialLevel the official page's level as counted in the headline ({@link Status#UNKNOWN} when it does not
 * count: unreadable, stale or absent)
 * @param incidents ours and official ones of the incident window, ongoing first, then newest first
 * @param reports community reports; they may raise "possible problems" but never set the level
 * @param models its models checked by real inference requests, in catalog order (possibly none)
 */
public record ProviderState(Provider provider, Status level, String reason, Signal decidedBy, Instant since,
        Instant lastChecked, List<ComponentState> components, OfficialStatus official, Status officialLevel,
        List<IncidentView> incidents, ReportSummary reports, List<ModelState> models) {

    public ProviderState {
        components = List.copyOf(components);
        incidents = List.copyOf(incidents);
        models = List.copyOf(models);
    }

    public Optional<ModelState> model(String id) {
        return this.models.stream().filter((model) -> model.id().equals(id)).findFirst();
    }

    /** Whether this instance checks any of its models (it needs the operator's key for that). */
    public boolean modelsConfigured() {
        return this.models.stream().anyMatch(ModelState::configured);
    }

    /** Its models whose level is a problem for callers (degraded or worse). */
    public List<ModelState> modelProblems() {
        return this.models.stream().filter((model) -> model.level().problem()).toList();
    }

    public String slug() {
        return this.provider.slug();
    }

    public String name() {
        return this.provider.name();
    }

    public Optional<ComponentState> component(String key) {
        return this.components.stream().filter((state) -> state.component().key().equals(key)).findFirst();
    }

    public List<IncidentView> ongoingIncidents() {
        return this.incidents.stream().filter(IncidentView::ongoing).toList();
    }

    /** Users are reporting problems: a signal shown beside the level, never part of it. */
    public boolean possibleProblems() {
        return this.reports.spike();
    }

    /**
     * What our checks of this provider send, worded to follow "Our checks " ("send no API key and no request
     * body"): it depends on the kinds of check in the catalog, so pages never hard-code it.
     */
    public String checksSend() {
        return checksSend(this.components.stream());
    }

    static String checksSend(Stream<ComponentState> components) {
        return components.map((state) -> state.component().probe().kind().sends())
            .distinct()
            .collect(Collectors.joining(", or "));
    }

    /** The uptime shown for the provider as a whole: that of its first component, its API. */
    public Uptime uptime() {
        return this.components.isEmpty() ? Uptime.NONE : this.components.get(0).uptime();
    }

}
