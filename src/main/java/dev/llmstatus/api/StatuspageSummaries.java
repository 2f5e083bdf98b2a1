package dev.llmstatus.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.llmstatus.status.ComponentState;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusSnapshot;

import org.springframework.stereotype.Component;

/**
 * Turns a snapshot into Statuspage v2 {@code summary.json} documents: one for the whole site (a component per
 * provider) and one per provider (a component per probed component).
 * <p>
 * Statuspage has no word for "we cannot tell". A component we have no fresh data for gets the status
 * {@code "unknown"}: every other word would claim a level we did not observe, and lenient clients (including the
 * parser our own prober uses for real pages) read an unexpected word as unknown. The page-wide {@code indicator} must
 * be one of Statuspage's words, so an unknown level there is {@code "none"} (no impact known to us) with a
 * description that says the status is unknown; components and incidents keep the detail.
 */
@Component
class StatuspageSummaries {

    static final String SITE_PAGE_ID = "llmstatus";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
        .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private static final Set<String> OPEN_INCIDENT_STATES = Set.of("investigating", "identified", "monitoring");

    private static final Set<String> UPDATE_STATES = Set.of("investigating", "identified", "monitoring", "resolved",
            "postmortem", "scheduled", "in_progress", "verifying", "completed");

    private final SiteLinks links;

    StatuspageSummaries(SiteLinks links) {
        this.links = links;
    }

    Statuspage.Summary site(StatusSnapshot snapshot) {
        List<Statuspage.Component> components = new ArrayList<>();
        List<Statuspage.Incident> incidents = new ArrayList<>();
        List<ProviderState> providers = snapshot.providers();
        for (int i = 0; i < providers.size(); i++) {
            ProviderState provider = providers.get(i);
            Statuspage.Component component = component(provider.slug(), provider.name(), provider.level(),
                    provider.since(), provider.reason(), i + 1, SITE_PAGE_ID, snapshot.builtAt());
            components.add(component);
            for (IncidentView incident : provider.ongoingIncidents()) {
                incidents.add(incident(provider.slug(), incident, SITE_PAGE_ID, List.of(component)));
            }
        }
        incidents.sort(Comparator.comparing(Statuspage.Incident::createdAt).reversed());
        Statuspage.Page page = new Statuspage.Page(SITE_PAGE_ID, "LLM Status", this.links.home(), "Etc/UTC",
                timestamp(snapshot.builtAt()));
        Status worst = providers.stream().map(ProviderState::level).reduce(Status.UNKNOWN, Status::worse);
        return new Statuspage.Summary(page, new Statuspage.Indicator(indicator(worst), siteDescription(snapshot, worst)),
                components, incidents, List.of());
    }

    Statuspage.Summary provider(ProviderState provider, StatusSnapshot snapshot) {
        String pageId = provider.slug();
        List<Statuspage.Component> components = new ArrayList<>();
        List<ComponentState> states = provider.components();
        for (int i = 0; i < states.size(); i++) {
            ComponentState state = states.get(i);
            components.add(component(provider.slug() + "/" + state.component().key(), state.component().name(),
                    state.level(), state.since(), state.reason(), i + 1, pageId, snapshot.builtAt()));
        }
        List<Statuspage.Component> models = models(provider, pageId, components.size(), snapshot.builtAt());
        List<Statuspage.Incident> incidents = new ArrayList<>();
        for (IncidentView incident : provider.ongoingIncidents()) {
            List<Statuspage.Component> affected = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) {
                if (affects(incident, states.get(i).component())) {
                    affected.add(components.get(i));
                }
            }
            models.stream().filter((model) -> !model.group() && incident.components().contains(model.name()))
                .forEach(affected::add);
            incidents.add(incident(provider.slug(), incident, pageId, affected));
        }
        components.addAll(models);
        Statuspage.Page page = new Statuspage.Page(pageId, provider.name() + " (LLM Status)",
                this.links.provider(provider.slug()), "Etc/UTC", timestamp(snapshot.builtAt()));
        return new Statuspage.Summary(page,
                new Statuspage.Indicator(indicator(provider.level()), providerDescription(provider)), components,
                incidents, List.of());
    }

    /**
     * The provider's models as a component group "Models", each model a component of the group, as Statuspage pages
     * group theirs; none when the catalog lists no model.
     */
    private static List<Statuspage.Component> models(ProviderState provider, String pageId, int before, Instant now) {
        List<ModelState> models = provider.models();
        if (models.isEmpty()) {
            return new ArrayList<>();
        }
        String groupId = provider.slug() + "/models";
        Status worst = models.stream().map(ModelState::level).reduce(Status.UNKNOWN, Status::worse);
        String changed = timestamp(now);
        List<Statuspage.Component> group = new ArrayList<>();
        group.add(new Statuspage.Component(groupId, "Models", componentStatus(worst), changed, changed, before + 1,
                provider.modelsConfigured() ? "Real inference requests with a fixed question, per model"
                        : "Model checks are not configured on this instance",
                true, null, null, pageId, true, false));
        for (int i = 0; i < models.size(); i++) {
            ModelState model = models.get(i);
            Statuspage.Component component = component(groupId + "/" + model.id(), model.name(), model.level(),
                    model.since(), model.reason(), before + 2 + i, pageId, now);
            group.add(new Statuspage.Component(component.id(), component.name(), component.status(),
                    component.createdAt(), component.updatedAt(), component.position(), component.description(), true,
                    null, groupId, pageId, false, false));
        }
        return group;
    }

    /** Our incidents name our components; official ones name the official page's components. */
    private static boolean affects(IncidentView incident, dev.llmstatus.catalog.Component component) {
        return incident.components().contains(component.name())
                || (component.officialComponent() != null && incident.components().contains(component.officialComponent()));
    }

    private static Statuspage.Component component(String id, String name, Status level, Instant since,
            String description, int position, String pageId, Instant now) {
        String changed = timestamp((since != null) ? since : now);
        String sentence = description.isEmpty() ? description
                : Character.toUpperCase(description.charAt(0)) + description.substring(1);
        return new Statuspage.Component(id, name, componentStatus(level), changed, changed, position, sentence, true,
                null, null, pageId, false, false);
    }

    private Statuspage.Incident incident(String slug, IncidentView incident, String pageId,
            List<Statuspage.Component> components) {
        String id = slug + "/" + incident.id();
        String status = incidentStatus(incident);
        List<Statuspage.IncidentUpdate> updates = new ArrayList<>();
        List<IncidentView.Entry> timeline = incident.timeline();
        for (int i = 0; i < timeline.size(); i++) {
            IncidentView.Entry entry = timeline.get(i);
            String state = (entry.state() != null) ? entry.state().toLowerCase(Locale.ROOT) : "";
            String at = timestamp((entry.at() != null) ? entry.at() : incident.startedAt());
            // The timeline is newest first; numbering from the oldest keeps ids stable as updates arrive.
            updates.add(new Statuspage.IncidentUpdate(id + "/" + (timeline.size() - i),
                    UPDATE_STATES.contains(state) ? state : status, entry.text(), id, at, at, at, null));
        }
        String created = timestamp(incident.startedAt());
        String updated = updates.isEmpty() ? created : updates.get(0).displayAt();
        return new Statuspage.Incident(id, incident.title(), status, impact(incident.impact()),
                this.links.incident(slug, incident.id()), created, updated, null, timestamp(incident.resolvedAt()),
                created, pageId, updates, components);
    }

    /** Ours say only "ongoing", which Statuspage calls investigating; official ones keep their own word. */
    private static String incidentStatus(IncidentView incident) {
        if (!incident.ongoing()) {
            return "resolved";
        }
        String state = (incident.state() != null) ? incident.state().toLowerCase(Locale.ROOT) : "";
        return OPEN_INCIDENT_STATES.contains(state) ? state : "investigating";
    }

    static String componentStatus(Status level) {
        return switch (level) {
            case OPERATIONAL -> "operational";
            case MAINTENANCE -> "under_maintenance";
            case DEGRADED -> "degraded_performance";
            case PARTIAL_OUTAGE -> "partial_outage";
            case MAJOR_OUTAGE -> "major_outage";
            case UNKNOWN -> "unknown";
        };
    }

    /** {@code none, minor, major, critical} or {@code maintenance}, as Statuspage pages write it. */
    static String indicator(Status level) {
        return level.known() ? level.indicator() : "none";
    }

    static String impact(Status level) {
        return level.known() ? level.indicator() : "none";
    }

    private static String providerDescription(ProviderState provider) {
        if (!provider.level().known()) {
            return provider.reason();
        }
        boolean allKnown = provider.components().stream().allMatch((component) -> component.level().known());
        if (provider.level() == Status.OPERATIONAL && allKnown) {
            return "All Systems Operational";
        }
        return provider.level().label() + ": " + provider.reason();
    }

    private static String siteDescription(StatusSnapshot snapshot, Status worst) {
        List<ProviderState> providers = snapshot.providers();
        long unknown = providers.stream().filter((provider) -> !provider.level().known()).count();
        if (unknown == providers.size()) {
            return snapshot.monitor().offline() ? "Status unknown: monitoring offline"
                    : "Status unknown: no fresh data for any provider";
        }
        String known;
        if (worst == Status.OPERATIONAL) {
            known = (unknown == 0) ? "All Systems Operational" : "No known problems";
        }
        else {
            List<ProviderState> worstOnes = providers.stream().filter((p) -> p.level() == worst).toList();
            long affected = providers.stream().filter((p) -> p.level().known() && p.level() != Status.OPERATIONAL)
                .count();
            known = worst.label() + " at " + worstOnes.get(0).name()
                    + ((worstOnes.size() > 1) ? " and " + (worstOnes.size() - 1) + " more" : "");
            if (affected > worstOnes.size()) {
                known += "; " + affected + " providers not fully operational";
            }
        }
        return (unknown == 0) ? known
                : known + "; no fresh data for " + unknown + " of " + providers.size() + " providers";
    }

    static String timestamp(Instant instant) {
        return (instant != null) ? TIMESTAMP.format(instant) : null;
    }

}
