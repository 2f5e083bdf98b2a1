package dev.llmstatus.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.TimeWords;

import org.springframework.stereotype.Component;

/**
 * A provider's incident history as Atom and RSS: one entry per incident of the snapshot's window, ours and official,
 * each linking to the incident on the provider's page.
 */
@Component
class IncidentFeeds {

    /** The two formats, with their ROME feed type and media type. */
    enum Format {

        ATOM("atom_1.0", "atom", "application/atom+xml"),

        RSS("rss_2.0", "rss", "application/rss+xml");

        private final String feedType;

        private final String extension;

        private final String mediaType;

        Format(String feedType, String extension, String mediaType) {
            this.feedType = feedType;
            this.extension = extension;
            this.mediaType = mediaType;
        }

        String mediaType() {
            return this.mediaType;
        }

    }

    private final SiteLinks links;

    IncidentFeeds(SiteLinks links) {
        this.links = links;
    }

    String render(ProviderState provider, Instant now, Format format) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.feedType);
        feed.setEncoding("UTF-8");
        feed.setLanguage("en");
        feed.setTitle(provider.name() + " incident history - LLM Status");
        feed.setDescription("Incidents of " + provider.name() + " over the past 30 days: those LLM Status detected "
                + "with its own probes and those on the official status page.");
        feed.setAuthor("LLM Status");
        String self = this.links.feed(provider.slug(), format.extension);
        feed.setUri(self);
        feed.setLink(this.links.provider(provider.slug()));
        feed.setLinks(List.of(link("alternate", this.links.provider(provider.slug()), "text/html"),
                link("self", self, format.mediaType)));
        List<SyndEntry> entries = new ArrayList<>();
        Instant updated = null;
        for (IncidentView incident : provider.incidents()) {
            SyndEntry entry = entry(provider, incident, now);
            entries.add(entry);
            Instant entryUpdated = entry.getUpdatedDate().toInstant();
            updated = (updated == null || entryUpdated.isAfter(updated)) ? entryUpdated : updated;
        }
        feed.setEntries(entries);
        feed.setPublishedDate(Date.from((updated != null) ? updated : now));
        try {
            return new SyndFeedOutput().outputString(feed);
        }
        catch (FeedException ex) {
            throw new IllegalStateException("Could not write the " + format + " feed of " + provider.slug(), ex);
        }
    }

    private SyndEntry entry(ProviderState provider, IncidentView incident, Instant now) {
        SyndEntry entry = new SyndEntryImpl();
        String link = this.links.incident(provider.slug(), incident.id());
        entry.setTitle(incident.official() ? incident.title() + " (official status page)" : incident.title());
        entry.setLink(link);
        entry.setUri(link);
        entry.setAuthor(incident.official() ? provider.name() + " official status page" : "LLM Status");
        entry.setPublishedDate(Date.from(incident.startedAt()));
        entry.setUpdatedDate(Date.from(updated(incident)));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(summary(incident, now));
        entry.setDescription(summary);
        return entry;
    }

    private static Instant updated(IncidentView incident) {
        Instant updated = incident.startedAt();
        if (incident.resolvedAt() != null && incident.resolvedAt().isAfter(updated)) {
            updated = incident.resolvedAt();
        }
        for (IncidentView.Entry entry : incident.timeline()) {
            if (entry.at() != null && entry.at().isAfter(updated)) {
                updated = entry.at();
            }
        }
        return updated;
    }

    /** Level, source, start, end and duration, affected components and the latest update, in plain words. */
    static String summary(IncidentView incident, Instant now) {
        StringBuilder text = new StringBuilder();
        text.append((incident.impact() == Status.UNKNOWN) ? "Impact not stated" : incident.impact().label())
            .append(incident.official() ? ", reported on the official status page" : ", detected by LLM Status")
            .append((incident.official() && incident.state() != null) ? " (" + incident.state() + "). " : ". ");
        text.append("Started ").append(TimeWords.dateTime(incident.startedAt()));
        String duration = TimeWords.duration(incident.duration(now));
        if (incident.ongoing()) {
            text.append("; ongoing for ").append(duration).append(". ");
        }
        else {
            text.append("; ended ").append(TimeWords.dateTime(incident.resolvedAt()))
                .append(" (lasted ").append(duration).append("). ");
        }
        if (!incident.components().isEmpty()) {
            text.append("Affected: ").append(String.join(", ", incident.components())).append(". ");
        }
        if (!incident.timeline().isEmpty()) {
            IncidentView.Entry latest = incident.timeline().get(0);
            text.append("Latest update");
            if (latest.at() != null) {
                text.append(" (").append(TimeWords.dateTime(latest.at())).append(")");
            }
            String state = (latest.state() != null) ? latest.state().toLowerCase(Locale.ROOT) : null;
            text.append(": ").append((state != null && incident.official()) ? state + ": " : "").append(Objects.toString(latest.text(), ""));
        }
        return text.toString().strip();
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }

}
