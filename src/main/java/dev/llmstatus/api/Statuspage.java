package dev.llmstatus.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The documents of the Atlassian Statuspage v2 API, field for field, so that clients written for Statuspage read
 * ours unchanged. Nulls are written, as Statuspage writes them, whatever the application's Jackson defaults.
 */
final class Statuspage {

    private Statuspage() {
    }

    /** {@code summary.json}: unresolved incidents, upcoming and in-progress maintenances. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "page", "status", "components", "incidents", "scheduled_maintenances" })
    record Summary(Page page, Indicator status, List<Component> components, List<Incident> incidents,
            @JsonProperty("scheduled_maintenances") List<Maintenance> scheduledMaintenances) {
    }

    /** {@code status.json}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "page", "status" })
    record StatusDocument(Page page, Indicator status) {
    }

    /** {@code components.json}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "page", "components" })
    record Components(Page page, List<Component> components) {
    }

    /** {@code incidents.json} and {@code incidents/unresolved.json}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "page", "incidents" })
    record Incidents(Page page, List<Incident> incidents) {
    }

    /** {@code scheduled-maintenances.json} and its {@code upcoming} and {@code active} subsets. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "page", "scheduled_maintenances" })
    record Maintenances(Page page, @JsonProperty("scheduled_maintenances") List<Maintenance> scheduledMaintenances) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "id", "name", "url", "time_zone", "updated_at" })
    record Page(String id, String name, String url, @JsonProperty("time_zone") String timeZone,
            @JsonProperty("updated_at") String updatedAt) {
    }

    /** The page's {@code status} object. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "indicator", "description" })
    record Indicator(String indicator, String description) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "id", "name", "status", "created_at", "updated_at", "position", "description", "showcase",
            "start_date", "group_id", "page_id", "group", "only_show_if_degraded" })
    record Component(String id, String name, String status, @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt, int position, String description, boolean showcase,
            @JsonProperty("start_date") String startDate, @JsonProperty("group_id") String groupId,
            @JsonProperty("page_id") String pageId, boolean group,
            @JsonProperty("only_show_if_degraded") boolean onlyShowIfDegraded) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "id", "name", "status", "impact", "shortlink", "created_at", "updated_at", "monitoring_at",
            "resolved_at", "started_at", "page_id", "incident_updates", "components" })
    record Incident(String id, String name, String status, String impact, String shortlink,
            @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("monitoring_at") String monitoringAt, @JsonProperty("resolved_at") String resolvedAt,
            @JsonProperty("started_at") String startedAt, @JsonProperty("page_id") String pageId,
            @JsonProperty("incident_updates") List<IncidentUpdate> incidentUpdates, List<Component> components) {
    }

    /** A scheduled maintenance: an incident with its announced window. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "id", "name", "status", "impact", "shortlink", "created_at", "updated_at", "monitoring_at",
            "resolved_at", "started_at", "page_id", "incident_updates", "components", "scheduled_for",
            "scheduled_until" })
    record Maintenance(String id, String name, String status, String impact, String shortlink,
            @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("monitoring_at") String monitoringAt, @JsonProperty("resolved_at") String resolvedAt,
            @JsonProperty("started_at") String startedAt, @JsonProperty("page_id") String pageId,
            @JsonProperty("incident_updates") List<IncidentUpdate> incidentUpdates, List<Component> components,
            @JsonProperty("scheduled_for") String scheduledFor, @JsonProperty("scheduled_until") String scheduledUntil) {
    }

    /**
     * One update of an incident. {@code affected_components} is always {@code null}: we do not record per-update
     * component transitions, and Statuspage itself writes {@code null} for most updates.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({ "id", "status", "body", "incident_id", "created_at", "updated_at", "display_at",
            "affected_components" })
    record IncidentUpdate(String id, String status, String body, @JsonProperty("incident_id") String incidentId,
            @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("display_at") String displayAt,
            @JsonProperty("affected_components") List<Component> affectedComponents) {
    }

}
