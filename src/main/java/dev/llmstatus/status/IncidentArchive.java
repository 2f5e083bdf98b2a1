package dev.llmstatus.status;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.official.OfficialHistory;
import dev.llmstatus.official.OfficialHtml;
import dev.llmstatus.official.OfficialIncident;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider's incidents and maintenances month by month, ours and the official page's, back to the oldest we keep.
 * Read from the database for the history pages, which the page cache keeps per snapshot.
 */
@Component
public class IncidentArchive {

    private final IncidentRepository incidents;

    private final OfficialHistory official;

    private final Catalog catalog;

    IncidentArchive(IncidentRepository incidents, OfficialHistory official, Catalog catalog) {
        this.incidents = incidents;
        this.official = official;
        this.catalog = catalog;
    }

    /** Everything that began in the month (UTC), newest first. */
    @Transactional(readOnly = true)
    public List<IncidentView> month(String provider, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Map<String, String> names = new HashMap<>();
        this.catalog.find(provider)
            .ifPresent((p) -> p.components().forEach((component) -> names.put(component.key(), component.name())));
        List<IncidentView> views = new ArrayList<>();
        for (Incident incident : this.incidents.findStarted(provider, from, to)) {
            views.add(ours(incident, names));
        }
        for (OfficialIncident incident : this.official.startedBetween(provider, from, to)) {
            views.add(IncidentView.of(incident));
        }
        views.sort(Comparator.comparing(IncidentView::startedAt).reversed());
        return views;
    }

    /** The first month with data for the provider, or {@code null} when there is none. */
    @Transactional(readOnly = true)
    public YearMonth firstMonth(String provider) {
        Instant ours = this.incidents.firstStarted(provider);
        Instant theirs = this.official.firstStarted(provider);
        Instant first = (ours == null) ? theirs : (theirs == null || ours.isBefore(theirs)) ? ours : theirs;
        return (first != null) ? YearMonth.from(first.atZone(ZoneOffset.UTC)) : null;
    }

    private static IncidentView ours(Incident incident, Map<String, String> names) {
        List<IncidentView.Entry> timeline = incident.getUpdates()
            .stream()
            .map((u) -> new IncidentView.Entry(u.getPostedAt(), u.getLevel().label(), u.getMessage(),
                    OfficialHtml.fromText(u.getMessage())))
            .toList();
        List<String> components = incident.getComponents().stream().map((key) -> names.getOrDefault(key, key)).toList();
        return new IncidentView(IncidentTracker.incidentId(incident), false, incident.getTitle(), incident.getImpact(),
                (incident.getResolvedAt() == null) ? "ongoing" : "resolved", incident.getStartedAt(),
                incident.getResolvedAt(), components, timeline, null, null);
    }

}
