package dev.llmstatus.api;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.status.ComponentState;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusSnapshot;

import org.springframework.stereotype.Component;

/**
 * Turns a snapshot into the Statuspage v2 documents: one page for the whole site (a component per provider) and one
 * per provider (a component per checked component), each with {@code summary.json}, {@code status.json},
 * {@code components.json}, {@code incidents.json} (the 50 most recent, any status), {@code incidents/unresolved.json}
 * and {@code scheduled-maintenances.json} with its {@code upcoming} and {@code active} subsets. Ids are short and
 * URL-safe.
 * <p>
 * Statuspage has no word for "we cannot tell", and every word it has claims a level we did not observe. So a
 * component we have no fresh data for has the status {@code "unknown"}, and a page whose level is unknown has the
 * indicator {@code "unknown"} with a description that starts "Status unknown": a strict client (our own prober's
 * parser among them) refuses the page as unreadable, which is what it is, and a lenient one shows our description;
 * neither can draw "All Systems Operational" for a provider we cannot see.
 */
@Component
class StatuspageSummaries {

    static final String SITE_PAGE_ID = "llmstatus";

    static final String UNKNOWN = "unknown";

    private static final int RECENT_INCIDENTS = 50;

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter
        .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private static final Set<String> OPEN_INCIDENT_STATES = Set.of("investigating", "identified", "monitoring");

    private static final Set<String> UPDATE_STATES = Set.of("investigating", "identified", "monitoring", "resolved",
            "postmortem", "scheduled", "in_progress", "verifying", "completed");

    private static final Set<String> MAINTENANCE_STATES = Set.of("scheduled", "in_progress", "verifying",
            "completed");

    private final SiteLinks links;

    StatuspageSummaries(SiteLinks links) {
        this.links = links;
    }

    /**
     * Everything one page says, from which each document takes its part.
     *
     * @param incidents recent incidents, ongoing first then newest first
     * @param maintenances the official page's maintenances, soonest first
     */
    record PageModel(Statuspage.Page page, Statuspage.Indicator status, List<Statuspage.Component> components,
            List<Statuspage.Incident> incidents, List<Statuspage.Maintenance> maintenances) {

        Statuspage.Summary summary() {
            return new Statuspage.Summary(this.page, this.status, this.components, unresolved().incidents(),
                    maintenances((m) -> !"completed".equals(m.status())).scheduledMaintenances());
        }

        Statuspage.StatusDocument statusDocument() {
            return new Statuspage.StatusDocument(this.page, this.status);
        }

        Statuspage.Components componentsDocument() {
            return new Statuspage.Components(this.page, this.components);
        }

        Statuspage.Incidents recent() {
            return new Statuspage.Incidents(this.page,
                    this.incidents.subList(0, Math.min(RECENT_INCIDENTS, this.incidents.size())));
        }

        Statuspage.Incidents unresolved() {
            return new Statuspage.Incidents(this.page,
                    this.incidents.stream().filter((i) -> OPEN_INCIDENT_STATES.contains(i.status())).toList());
        }

        Statuspage.Maintenances maintenances(Predicate<Statuspage.Maintenance> which) {
            return new Statuspage.Maintenances(this.page, this.maintenances.stream().filter(which).toList());
        }

    }

    Statuspage.Summary site(StatusSnapshot snapshot) {
        return sitePage(snapshot).summary();
    }

    Statuspage.Summary provider(ProviderState provider, StatusSnapshot snapshot) {
        return providerPage(provider, snapshot).summary();
    }

    PageModel sitePage(StatusSnapshot snapshot) {
        List<Statuspage.Component> components = new ArrayList<>();
        List<Statuspage.Incident> incidents = new ArrayList<>();
        List<Statuspage.Maintenance> maintenances = new ArrayList<>();
        List<ProviderState> providers = snapshot.providers();
        for (int i = 0; i < providers.size(); i++) {
            ProviderState provider = providers.get(i);
            Statuspage.Component component = component(provider.slug(), provider.name(), provider.level(),
                    provider.since(), provider.reason(), i + 1, SITE_PAGE_ID, snapshot.builtAt());
            components.add(component);
            for (IncidentView incident : provider.incidents()) {
                incidents.add(incident(provider.slug(), provider.slug() + "." + incident.id(), incident, SITE_PAGE_ID,
                        List.of(component)));
            }
            if (provider.official() != null) {
                for (OfficialIncident maintenance : provider.official().maintenances()) {
                    maintenances.add(maintenance(provider.slug(), provider.slug() + ".o-" + maintenance.publicId(),
                            maintenance, SITE_PAGE_ID, List.of(component)));
                }
            }
        }
        incidents.sort(Comparator.comparing((Statuspage.Incident i) -> !OPEN_INCIDENT_STATES.contains(i.status()))
            .thenComparing(Statuspage.Incident::createdAt, Comparator.reverseOrder()));
        maintenances.sort(Comparator.comparing(Statuspage.Maintenance::scheduledFor,
                Comparator.nullsLast(Comparator.naturalOrder())));
        Statuspage.Page page = new Statuspage.Page(SITE_PAGE_ID, "LLM Status", this.links.home(), "Etc/UTC",
                timestamp(snapshot.builtAt()));
        Status worst = providers.stream().map(ProviderState::level).reduce(Status.UNKNOWN, Status::worse);
        return new PageModel(page, new Statuspage.Indicator(indicator(worst), siteDescription(snapshot, worst)),
                components, incidents, maintenances);
    }

    PageModel providerPage(ProviderState provider, StatusSnapshot snapshot) {
        String pageId = provider.slug();
        List<Statuspage.Component> components = new ArrayList<>();
        List<ComponentState> states = provider.components();
        for (int i = 0; i < states.size(); i++) {
            ComponentState state = states.get(i);
            components.add(component(state.component().key(), state.component().name(), state.level(),
                    state.since(), state.reason(), i + 1, pageId, snapshot.builtAt()));
        }
        List<Statuspage.Component> models = models(provider, pageId, components.size(), snapshot.builtAt());
        List<Statuspage.Incident> incidents = new ArrayList<>();
        for (IncidentView incident : provider.incidents()) {
            List<Statuspage.Component> affected = affected(states, components, incident.components());
            models.stream().filter((model) -> !model.group() && incident.components().contains(model.name()))
                .forEach(affected::add);
            incidents.add(incident(provider.slug(), incident.id(), incident, pageId, affected));
        }
        List<Statuspage.Maintenance> maintenances = new ArrayList<>();
        if (provider.official() != null) {
            for (OfficialIncident maintenance : provider.official().maintenances()) {
                maintenances.add(maintenance(provider.slug(), "o-" + maintenance.publicId(), maintenance, pageId,
                        affected(states, components, maintenance.components())));
            }
        }
        components.addAll(models);
        Statuspage.Page page = new Statuspage.Page(pageId, provider.name() + " (LLM Status)",
                this.links.provider(provider.slug()), "Etc/UTC", timestamp(snapshot.builtAt()));
        return new PageModel(page,
                new Statuspage.Indicator(indicator(provider.level()), providerDescription(provider)), components,
                incidents, maintenances);
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
        String groupId = "models";
        Status worst = models.stream().map(ModelState::level).reduce(Status.UNKNOWN, Status::worse);
        String changed = timestamp(now);
        List<Statuspage.Component> group = new ArrayList<>();
        group.add(new Statuspage.Component(groupId, "Models", componentStatus(worst), changed, changed, before + 1,
                provider.modelsConfigured() ? "Real inference requests with a fixed question, per model"
                        : "Model checks are not configured on this instance",
                true, null, null, pageId, true, false));
        for (int i = 0; i < models.size(); i++) {
            ModelState model = models.get(i);
            Statuspage.Component component = component(groupId + "." + model.id(), model.name(), model.level(),
                    model.since(), model.reason(), before + 2 + i, pageId, now);
            group.add(new Statuspage.Component(component.id(), component.name(), component.status(),
                    component.createdAt(), component.updatedAt(), component.position(), component.description(), true,
                    null, groupId, pageId, false, false));
        }
        return group;
    }

    /** Our incidents name our components; official ones name the official page's components. */
    private static List<Statuspage.Component> affected(List<ComponentState> states,
            List<Statuspage.Component> components, List<String> names) {
        List<Statuspage.Component> affected = new ArrayList<>();
        for (int i = 0; i < states.size(); i++) {
            dev.llmstatus.catalog.Component component = states.get(i).component();
            if (names.contains(component.name())
                    || (component.officialComponent() != null && names.contains(component.officialComponent()))) {
                affected.add(components.get(i));
            }
        }
        return affected;
    }

    private static Statuspage.Component component(String id, String name, Status level, Instant since,
            String description, int position, String pageId, Instant now) {
        String changed = timestamp((since != null) ? since : now);
        String sentence = description.isEmpty() ? description
                : Character.toUpperCase(description.charAt(0)) + description.substring(1);
        return new Statuspage.Component(id, name, componentStatus(level), changed, changed, position, sentence, true,
                null, null, pageId, false, false);
    }

    private Statuspage.Incident incident(String slug, String id, IncidentView incident, String pageId,
            List<Statuspage.Component> components) {
        String status = incidentStatus(incident);
        List<Statuspage.IncidentUpdate> updates = updates(id, incident.timeline(), incident.startedAt(), status);
        String created = timestamp(incident.startedAt());
        String updated = updates.isEmpty() ? created : updates.get(0).displayAt();
        return new Statuspage.Incident(id, incident.title(), status, impact(incident.impact()),
                this.links.incident(slug, incident.id()), created, updated, null, timestamp(incident.resolvedAt()),
                created, pageId, updates, components);
    }

    private Statuspage.Maintenance maintenance(String slug, String id, OfficialIncident maintenance, String pageId,
            List<Statuspage.Component> components) {
        String state = (maintenance.state() != null) ? maintenance.state().toLowerCase(Locale.ROOT) : "";
        String status = maintenance.resolved() ? "completed" : MAINTENANCE_STATES.contains(state) ? state : "scheduled";
        List<IncidentView.Entry> timeline = maintenance.updates()
            .stream()
            .map((u) -> new IncidentView.Entry(u.at(), u.state(), u.text(), u.body()))
            .toList();
        List<Statuspage.IncidentUpdate> updates = updates(id, timeline, maintenance.createdAt(), status);
        String created = timestamp(maintenance.createdAt());
        String updated = updates.isEmpty() ? created : updates.get(0).displayAt();
        return new Statuspage.Maintenance(id, maintenance.name(), status, "maintenance",
                this.links.incident(slug, "o-" + maintenance.publicId()), created, updated, null,
                timestamp(maintenance.resolvedAt()), timestamp(maintenance.scheduledFor()), pageId, updates, components,
                timestamp(maintenance.scheduledFor()), timestamp(maintenance.scheduledUntil()));
    }

    private static List<Statuspage.IncidentUpdate> updates(String id, List<IncidentView.Entry> timeline,
            Instant fallback, String status) {
        List<Statuspage.IncidentUpdate> updates = new ArrayList<>();
        for (int i = 0; i < timeline.size(); i++) {
            IncidentView.Entry entry = timeline.get(i);
            String state = (entry.state() != null) ? entry.state().toLowerCase(Locale.ROOT) : "";
            String at = timestamp((entry.at() != null) ? entry.at() : fallback);
            // The timeline is newest first; numbering from the oldest keeps ids stable as updates arrive.
            updates.add(new Statuspage.IncidentUpdate(id + "-" + (timeline.size() - i),
                    UPDATE_STATES.contains(state) ? state : status, entry.text(), id, at, at, at, null));
        }
        return updates;
    }

    /** Ours say only "ongoing", which Statuspage calls investigating; official ones keep their own word. */
    private static String incidentStatus(IncidentView incident) {
        String state = (incident.state() != null) ? incident.state().toLowerCase(Locale.ROOT) : "";
        if (!incident.ongoing()) {
            return "postmortem".equals(state) ? state : "resolved";
        }
        return OPEN_INCIDENT_STATES.contains(state) ? state : "investigating";
    }

    static String componentStatus(Status level) {
        return switch (level) {
            case OPERATIONAL -> "operational";
            case MAINTENANCE -> "under_maintenance";
            case DEGRADED -> "degraded_performance";
            case PARTIAL_OUTAGE -> "partial_outage";
            case MAJOR_OUTAGE -> "major_outage";
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** {@code none, minor, major, critical} or {@code maintenance}, as Statuspage pages write it; or unknown. */
    static String indicator(Status level) {
        return level.known() ? level.indicator() : UNKNOWN;
    }

    /**
     * An incident's impact: the indicator words, but never {@code unknown}, which Statuspage's impact values lack
     * (an incident we record always has a known level; {@code none} is Statuspage's own default).
     */
    static String impact(Status level) {
        return level.known() ? level.indicator() : "none";
    }

    private static String providerDescription(ProviderState provider) {
        if (!provider.level().known()) {
            return "Status unknown: " + provider.reason();
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
