package dev.llmstatus.probe;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import dev.llmstatus.status.Status;

/**
 * Reads an RSS or Atom incident feed. Each entry is an incident. Feeds carry no machine-readable state, so it is
 * read from the text: status pages write an entry's timeline newest first ("Resolved - ...", "Monitoring - ..."),
 * so the first state word in the text is the latest one. An entry is unresolved unless that latest word is
 * "resolved" or "completed" (when the text has no state word at all, it is resolved if it says so anywhere).
 */
final class FeedParser {

    private static final Pattern STATE = Pattern.compile(
            "\\b(resolved|completed|postmortem|monitoring|identified|investigating|update|in progress|scheduled|verifying)\\b");

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private FeedParser() {
    }

    /**
     * @param recentSince entries older than this are left out unless unresolved
     */
    static OfficialStatus parse(String provider, byte[] xml, Instant fetchedAt, Instant recentSince) {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        }
        catch (IOException | FeedException | IllegalArgumentException ex) {
            throw new StatuspageParser.MalformedPageException("the feed is not valid RSS or Atom: " + ex.getMessage());
        }
        List<OfficialIncident> incidents = new ArrayList<>();
        Status overall = Status.OPERATIONAL;
        for (SyndEntry entry : feed.getEntries()) {
            OfficialIncident incident = incident(provider, entry);
            if (incident == null || (incident.resolved() && incident.createdAt().isBefore(recentSince))) {
                continue;
            }
            incidents.add(incident);
            if (!incident.resolved()) {
                overall = Status.worse(overall, incident.impact());
            }
        }
        incidents.sort(Comparator.comparing(OfficialIncident::createdAt).reversed());
        long open = incidents.stream().filter((incident) -> !incident.resolved()).count();
        String description = (open == 0) ? "No unresolved incidents in the feed"
                : open + " unresolved incident" + ((open == 1) ? "" : "s") + " in the feed";
        return new OfficialStatus(provider, fetchedAt, overall, description, null, incidents, null);
    }

    private static OfficialIncident incident(String provider, SyndEntry entry) {
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        Instant createdAt = (published != null) ? published : updated;
        String title = (entry.getTitle() != null) ? entry.getTitle().strip() : null;
        if (createdAt == null || title == null || title.isEmpty()) {
            return null;
        }
        String text = plain(text(entry));
        String lower = (title + "\n" + text).toLowerCase(Locale.ROOT);
        Matcher first = STATE.matcher(text.toLowerCase(Locale.ROOT));
        String state = first.find() ? first.group(1) : null;
        boolean resolved = (state != null) ? (state.equals("resolved") || state.equals("completed"))
                : (lower.contains("resolved") || lower.contains("completed"));
        if (state == null) {
            state = resolved ? "resolved" : "investigating";
        }
        String id = (entry.getUri() != null && !entry.getUri().isBlank()) ? entry.getUri() : entry.getLink();
        if (id == null || id.isBlank()) {
            id = title + "@" + createdAt;
        }
        URI link = null;
        try {
            link = (entry.getLink() != null) ? URI.create(entry.getLink().strip()) : null;
        }
        catch (IllegalArgumentException ex) {
            // a feed with a broken link is still a feed
        }
        Instant latest = (updated != null) ? updated : createdAt;
        return new OfficialIncident(provider, id, title, impact(lower, resolved), state, createdAt,
                resolved ? latest : null, link, List.of(),
                text.isEmpty() ? List.of() : List.of(new OfficialIncident.Update(state, text, latest)));
    }

    /** Feeds say nothing about impact; the words do, when the provider used them. */
    private static Status impact(String lower, boolean resolved) {
        if (lower.contains("major outage")) {
            return Status.MAJOR_OUTAGE;
        }
        if (lower.contains("partial outage")) {
            return Status.PARTIAL_OUTAGE;
        }
        if (lower.contains("maintenance")) {
            return Status.MAINTENANCE;
        }
        return resolved ? Status.UNKNOWN : Status.DEGRADED;
    }

    private static String text(SyndEntry entry) {
        StringBuilder text = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null) {
                text.append(content.getValue()).append('\n');
            }
        }
        if (text.isEmpty() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            text.append(entry.getDescription().getValue());
        }
        return text.toString();
    }

    private static String plain(String html) {
        String text = TAG.matcher(html.replaceAll("(?i)<br\\s*/?>|</p>", "\n")).replaceAll("");
        text = text.replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&quot;", "\"").replace("&#39;", "'");
        return text.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }

    private static Instant instant(Date date) {
        return (date != null) ? date.toInstant() : null;
    }

}
