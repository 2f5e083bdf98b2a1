package dev.llmstatus.status;

import java.util.List;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialIncidentChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;

/**
 * Announces official incidents' changes as {@link StatusEvent}s with {@code official} set, so that listeners (the
 * notification outbox) treat them like ours. Runs synchronously in the transaction that stores the change, so the
 * events it publishes commit or roll back with it, once per change across the cluster (see
 * {@link OfficialIncidentChanged}).
 */
@org.springframework.stereotype.Component
class OfficialIncidentEvents {

    /** The closing words quoted from the page's newest update. */
    private static final int REASON = 500;

    private final Catalog catalog;

    private final ApplicationEventPublisher events;

    OfficialIncidentEvents(Catalog catalog, ApplicationEventPublisher events) {
        this.catalog = catalog;
        this.events = events;
    }

    @EventListener
    void announce(OfficialIncidentChanged changed) {
        OfficialIncident incident = changed.incident();
        IncidentView view = IncidentView.of(incident);
        String provider = incident.provider();
        // The row's version names the change: every instance that could store it derives the same id.
        String eventId = "official-" + provider + "-" + view.id() + "-" + changed.version();
        String title = IncidentTexts.fit(incident.name(), IncidentTexts.TITLE);
        List<String> components = components(incident);
        String reason = incident.updates().isEmpty() ? null
                : IncidentTexts.fit(incident.updates().get(0).text().strip(), REASON);
        StatusEvent event = switch (changed.change()) {
            case OPENED -> new IncidentOpened(eventId, provider, view.id(), true, title, components, view.impact(),
                    reason, changed.at());
            case UPDATED -> new IncidentUpdated(eventId, provider, view.id(), true, title, components,
                    (changed.before() != null) ? OfficialLevels.of(changed.before().impact()) : view.impact(),
                    view.impact(), reason, view.startedAt(), changed.at());
            case RESOLVED -> new IncidentResolved(eventId, provider, view.id(), true, title, components,
                    view.impact(), reason, view.startedAt(), changed.at());
        };
        this.events.publishEvent(event);
    }

    /** Our keys of the components the page names, for subscriptions limited to some. */
    private List<String> components(OfficialIncident incident) {
        return this.catalog.find(incident.provider())
            .map(Provider::components)
            .orElse(List.of())
            .stream()
            .filter((component) -> component.officialComponent() != null
                    && incident.components().contains(component.officialComponent()))
            .map(Component::key)
            .toList();
    }

}
