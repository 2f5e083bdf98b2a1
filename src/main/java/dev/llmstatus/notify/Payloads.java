package dev.llmstatus.notify;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.status.ComponentLevelChanged;
import dev.llmstatus.status.IncidentOpened;
import dev.llmstatus.status.IncidentResolved;
import dev.llmstatus.status.IncidentUpdated;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusEvent;
import dev.llmstatus.system.SiteProperties;

import org.springframework.stereotype.Component;

/**
 * Turns a status event into what the outbox stores: its fields and the webhook body. The body is written once, here,
 * so that every retry sends (and signs) the same bytes.
 */
@Component
class Payloads {

    /** Our own mapper: the body's shape is a public contract and must not follow the application's JSON settings. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Catalog catalog;

    private final StatusEngine engine;

    private final SiteProperties site;

    Payloads(Catalog catalog, StatusEngine engine, SiteProperties site) {
        this.catalog = catalog;
        this.engine = engine;
        this.site = site;
    }

    OutboxEvent event(StatusEvent event) {
        OutboxEvent fields;
        if (event instanceof IncidentOpened e) {
            fields = new OutboxEvent(e.eventId(), OutboxEvent.OPENED, e.provider(), e.components(), e.incidentId(),
                    e.official(), e.title(), e.level(), null, e.reason(), e.occurredAt(), e.occurredAt(), null);
        }
        else if (event instanceof IncidentUpdated e) {
            fields = new OutboxEvent(e.eventId(), OutboxEvent.UPDATED, e.provider(), e.components(), e.incidentId(),
                    e.official(), e.title(), e.newLevel(), e.oldLevel(), e.reason(), e.startedAt(), e.occurredAt(),
                    null);
        }
        else if (event instanceof IncidentResolved e) {
            fields = new OutboxEvent(e.eventId(), OutboxEvent.RESOLVED, e.provider(), e.components(), e.incidentId(),
                    e.official(), e.title(), e.lastLevel(), null, e.reason(), e.startedAt(), e.occurredAt(), null);
        }
        else {
            ComponentLevelChanged e = (ComponentLevelChanged) event;
            fields = new OutboxEvent(e.eventId(), OutboxEvent.CHANGED, e.provider(), List.of(e.component()), null,
                    false, null, e.newLevel(), e.oldLevel(), e.reason(), null, e.occurredAt(), null);
        }
        return new OutboxEvent(fields.id(), fields.type(), fields.provider(), fields.components(), fields.incidentId(),
                fields.official(), fields.title(), fields.level(), fields.oldLevel(), fields.reason(),
                fields.startedAt(), fields.occurredAt(), JSON.writeValueAsString(body(fields)));
    }

    /** The provider's name from the catalog; the slug when the catalog no longer has it. */
    String providerName(String slug) {
        return this.catalog.find(slug).map(Provider::name).orElse(slug);
    }

    /** A component's (or model's) name. */
    String componentName(String slug, String key) {
        if (key.startsWith("model:")) {
            return key.substring("model:".length());
        }
        return this.catalog.find(slug)
            .flatMap((provider) -> provider.component(key))
            .map(dev.llmstatus.catalog.Component::name)
            .orElse(key);
    }

    String providerUrl(String slug) {
        return this.site.url("/status/" + slug);
    }

    /** The incident's own page, for ours and official ones alike. */
    String incidentUrl(String slug, String incidentId) {
        return this.site.url(IncidentView.path(slug, incidentId));
    }

    String siteUrl(String path) {
        return this.site.url(path);
    }

    private WebhookBody body(OutboxEvent event) {
        String slug = event.provider();
        ProviderBody provider = new ProviderBody(slug, providerName(slug), word(providerLevel(event)),
                providerUrl(slug));
        ComponentBody component = null;
        IncidentBody incident = null;
        if (event.componentChange()) {
            String key = event.components().get(0);
            component = new ComponentBody(key, componentName(slug, key), word(event.level()), word(event.oldLevel()));
        }
        else {
            incident = new IncidentBody(event.incidentId(), event.title(),
                    OutboxEvent.RESOLVED.equals(event.type()) ? "resolved" : "investigating",
                    event.level().indicator(), incidentUrl(slug, event.incidentId()), event.official());
        }
        return new WebhookBody(event.id(), event.type(), event.occurredAt(), provider, component, incident,
                event.reason());
    }

    /**
     * The provider's level as the change leaves it: our incident's level while it is open, operational once it is
     * resolved; for an official incident the level pages show (the provider's report is one signal of several); and
     * for a component change the level pages showed, made worse by the change.
     */
    private Status providerLevel(OutboxEvent event) {
        if (event.official()) {
            return shownLevel(event.provider());
        }
        if (!event.componentChange()) {
            return OutboxEvent.RESOLVED.equals(event.type()) ? Status.OPERATIONAL : event.level();
        }
        Status shown = shownLevel(event.provider());
        return (event.level().problem()) ? Status.worse(shown, event.level()) : shown;
    }

    private Status shownLevel(String slug) {
        return this.engine.current().provider(slug).map(ProviderState::level).orElse(Status.UNKNOWN);
    }

    static String word(Status status) {
        return (status != null) ? status.name().toLowerCase(Locale.ROOT) : null;
    }

    @JsonPropertyOrder({ "id", "type", "occurred_at", "provider", "component", "incident", "reason" })
    record WebhookBody(String id, String type, @JsonProperty("occurred_at") Instant occurredAt, ProviderBody provider,
            ComponentBody component, IncidentBody incident, String reason) {
    }

    @JsonPropertyOrder({ "slug", "name", "status", "url" })
    record ProviderBody(String slug, String name, String status, String url) {
    }

    @JsonPropertyOrder({ "key", "name", "status", "previous_status" })
    record ComponentBody(String key, String name, String status,
            @JsonProperty("previous_status") String previousStatus) {
    }

    @JsonPropertyOrder({ "id", "name", "status", "impact", "url", "official" })
    record IncidentBody(String id, String name, String status, String impact, String url, boolean official) {
    }

}
