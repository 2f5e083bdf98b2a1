package dev.llmstatus.official;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Reads an RSS or Atom incident feed as a person reads it. Each entry is an incident whose text holds its timeline,
 * newest first, one paragraph (or block) per update: Statuspage writes {@code <small>Jul 9, 04:34 UTC</small>
 * <strong>Investigating</strong> - ...}, DatoCMS-style pages {@code <strong>Resolved</strong> — ...} without times,
 * xAI-style RSS one {@code <div>} per update with its date and an {@code <h3>} state. So:
 * <ul>
 * <li>an incident began at its oldest update, not at the entry's {@code published} (Statuspage puts the newest
 * update's time there), and ended at the update that resolved it;</li>
 * <li>an entry announced as "THIS IS A SCHEDULED EVENT" or whose updates speak of scheduled / in progress /
 * completed work is a maintenance, upcoming until it starts;</li>
 * <li>RSS items sharing a guid are one incident, each naming one affected component in a {@code [Component]}
 * title prefix.</li>
 * </ul>
 */
final class FeedParser {

    private static final Set<String> STATES = Set.of("resolved", "completed", "postmortem", "monitoring",
            "identified", "investigating", "update", "in_progress", "scheduled", "verifying");

    private static final Set<String> DONE = Set.of("resolved", "completed", "postmortem");

    private static final Set<String> MAINTENANCE_STATES = Set.of("scheduled", "in_progress", "verifying",
            "completed");

    /** "Jul 9, 06:01 UTC", "May 28, 2025, 16:30 UTC": Statuspage's update and window times. */
    private static final Pattern PAGE_TIME = Pattern
        .compile("([A-Z][a-z]{2})[a-z]*\\s+(\\d{1,2}),?\\s*(?:(\\d{4}),?\\s*)?(?:-\\s*)?(\\d{1,2}):(\\d{2})\\s*UTC");

    private static final Pattern COMPONENT_PREFIX = Pattern.compile("^\\[([^\\]]+)]\\s*(.*)$");

    private static final Pattern SEVERITY = Pattern.compile("(?i)severity:\\s*([a-z_]+)");

    private static final Pattern LEADING_DASH = Pattern.compile("^(?:\\s|&nbsp;|[-–—:])+");

    private FeedParser() {
    }

    /**
     * @param recentSince resolved entries that began before this are left out
     */
    static OfficialStatus parse(String provider, byte[] xml, Instant fetchedAt, Instant recentSince) {
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(xml)));
        }
        catch (IOException | FeedException | IllegalArgumentException ex) {
            throw new MalformedPageException("the feed is not valid RSS or Atom: " + ex.getMessage());
        }
        Map<String, OfficialIncident> byId = new LinkedHashMap<>();
        for (SyndEntry entry : feed.getEntries()) {
            OfficialIncident incident = entry(provider, entry);
            if (incident != null) {
                byId.merge(incident.externalId(), incident, FeedParser::merge);
            }
        }
        List<OfficialIncident> incidents = new ArrayList<>();
        List<OfficialIncident> maintenances = new ArrayList<>();
        OfficialLevel overall = OfficialLevel.OPERATIONAL;
        for (OfficialIncident incident : byId.values()) {
            if (incident.resolved() && incident.createdAt().isBefore(recentSince)) {
                continue;
            }
            if (incident.maintenance()) {
                maintenances.add(incident);
                if (incident.inProgress()) {
                    overall = OfficialLevel.worse(overall, OfficialLevel.UNDER_MAINTENANCE);
                }
            }
            else {
                incidents.add(incident);
                if (!incident.resolved()) {
                    overall = OfficialLevel.worse(overall, incident.impact());
                }
            }
        }
        incidents.sort(Comparator.comparing(OfficialIncident::createdAt).reversed());
        maintenances.sort(Comparator.comparing(FeedParser::windowStart));
        long open = incidents.stream().filter((incident) -> !incident.resolved()).count();
        String description = (open == 0) ? "No unresolved incidents in the feed"
                : open + " unresolved incident" + ((open == 1) ? "" : "s") + " in the feed";
        return new OfficialStatus(provider, fetchedAt, overall, description, null, incidents, maintenances, null);
    }

    private static Instant windowStart(OfficialIncident maintenance) {
        return (maintenance.scheduledFor() != null) ? maintenance.scheduledFor() : maintenance.createdAt();
    }

    private static OfficialIncident entry(String provider, SyndEntry entry) {
        Instant published = instant(entry.getPublishedDate());
        Instant updated = instant(entry.getUpdatedDate());
        Instant reference = (updated != null) ? updated : published;
        String title = (entry.getTitle() != null) ? entry.getTitle().strip() : null;
        if (reference == null || title == null || title.isEmpty()) {
            return null;
        }
        List<String> components = new ArrayList<>();
        Matcher prefix = COMPONENT_PREFIX.matcher(title);
        if (prefix.matches()) {
            components.add(prefix.group(1).strip());
            title = prefix.group(2).isBlank() ? prefix.group(1).strip() : prefix.group(2).strip();
        }
        Element body = Jsoup.parseBodyFragment(html(entry)).body();
        List<OfficialIncident.Update> updates = updates(body, reference);
        String text = body.text();
        Instant[] window = window(body, reference);

        String latest = updates.isEmpty() ? null : updates.get(0).state();
        boolean resolved = (latest != null) ? DONE.contains(latest)
                : text.toLowerCase(Locale.ROOT).matches("(?s).*\\b(resolved|completed)\\b.*");
        boolean maintenance = window != null
                || updates.stream().anyMatch((update) -> MAINTENANCE_STATES.contains(update.state()));
        String state = state(updates, resolved, maintenance);

        Instant first = updates.stream().map(OfficialIncident.Update::at).filter((at) -> at != null)
            .min(Comparator.naturalOrder()).orElse(null);
        Instant createdAt = (first != null) ? first : (published != null && published.isBefore(reference)) ? published
                : reference;
        Instant resolvedAt = null;
        if (resolved) {
            Instant resolving = updates.isEmpty() ? null : updates.get(0).at();
            resolvedAt = (resolving != null) ? resolving : reference;
        }
        String id = (entry.getUri() != null && !entry.getUri().isBlank()) ? entry.getUri().strip() : entry.getLink();
        if (id == null || id.isBlank()) {
            id = title + "@" + createdAt;
        }
        OfficialLevel impact = maintenance ? OfficialLevel.UNDER_MAINTENANCE : impact(entry, text, resolved);
        return new OfficialIncident(provider, id, title, impact, state, createdAt, resolvedAt, link(entry), components,
                updates, maintenance, (window != null) ? window[0] : null, (window != null) ? window[1] : null);
    }

    /** The incident's state: its latest word, "update" meaning no change from the one before. */
    private static String state(List<OfficialIncident.Update> updates, boolean resolved, boolean maintenance) {
        for (OfficialIncident.Update update : updates) {
            if (!"update".equals(update.state())) {
                return update.state();
            }
        }
        if (resolved) {
            return maintenance ? "completed" : "resolved";
        }
        return maintenance ? "scheduled" : "investigating";
    }

    /** Items of one incident (one per component, same guid) become one that names every component. */
    private static OfficialIncident merge(OfficialIncident a, OfficialIncident b) {
        Set<String> components = new LinkedHashSet<>(a.components());
        components.addAll(b.components());
        List<OfficialIncident.Update> updates = new ArrayList<>(a.updates());
        b.updates().stream().filter((update) -> !updates.contains(update)).forEach(updates::add);
        updates.sort(Comparator.comparing(OfficialIncident.Update::at,
                Comparator.nullsLast(Comparator.reverseOrder())));
        Instant createdAt = a.createdAt().isBefore(b.createdAt()) ? a.createdAt() : b.createdAt();
        Instant resolvedAt = (a.resolved() && b.resolved())
                ? (a.resolvedAt().isAfter(b.resolvedAt()) ? a.resolvedAt() : b.resolvedAt()) : null;
        OfficialIncident later = b.createdAt().isAfter(a.createdAt()) ? b : a;
        String name = a.name().equals(b.name()) ? a.name() : longer(a.name(), b.name());
        return new OfficialIncident(a.provider(), a.externalId(), name, OfficialLevel.worse(a.impact(), b.impact()),
                (resolvedAt != null) ? later.state() : (a.resolved() ? b.state() : a.state()), createdAt, resolvedAt,
                a.link(), List.copyOf(components), updates, a.maintenance() || b.maintenance(),
                (a.scheduledFor() != null) ? a.scheduledFor() : b.scheduledFor(),
                (a.scheduledUntil() != null) ? a.scheduledUntil() : b.scheduledUntil());
    }

    private static String longer(String a, String b) {
        return (b.length() > a.length()) ? b : a;
    }

    /** The timeline, newest first as the feed writes it. */
    static List<OfficialIncident.Update> updates(Element body, Instant reference) {
        List<OfficialIncident.Update> updates = new ArrayList<>();
        List<Element> blocks = body.select("> div:has(h3)");
        if (!blocks.isEmpty()) {
            for (Element block : blocks) {
                Element heading = block.selectFirst("h3");
                Element date = block.selectFirst("strong");
                Instant at = (date != null) ? rfc1123(date.text()) : null;
                Element copy = block.clone();
                copy.select("h3").first().remove();
                if (date != null && at != null) {
                    Element dateParagraph = copy.selectFirst("strong");
                    Element holder = dateParagraph.parent();
                    if (holder != null && holder != copy && holder.text().strip().equals(dateParagraph.text().strip())) {
                        holder.remove();
                    }
                    else {
                        dateParagraph.remove();
                    }
                }
                updates.add(new OfficialIncident.Update(stateWord(heading.text()), OfficialHtml.clean(copy.html()), at));
            }
            return updates;
        }
        String state = null;
        Instant at = null;
        StringBuilder html = new StringBuilder();
        for (Element block : body.children()) {
            Element marker = marker(block);
            if (marker != null) {
                if (state != null) {
                    updates.add(new OfficialIncident.Update(state, OfficialHtml.clean(html.toString()), at));
                }
                state = stateWord(marker.text());
                Element small = block.selectFirst("small");
                at = (small != null) ? pageTime(small.text(), reference) : null;
                Element copy = block.clone();
                copy.select("small").remove();
                Element copiedMarker = marker(copy);
                if (copiedMarker != null) {
                    copiedMarker.remove();
                }
                Element firstBreak = copy.selectFirst("br");
                if (firstBreak != null && copy.html().strip().startsWith("<br")) {
                    firstBreak.remove();
                }
                html.setLength(0);
                html.append(LEADING_DASH.matcher(copy.html()).replaceFirst(""));
            }
            else if (state != null) {
                html.append(block.outerHtml());
            }
        }
        if (state != null) {
            updates.add(new OfficialIncident.Update(state, OfficialHtml.clean(html.toString()), at));
        }
        return updates;
    }

    /** A {@code <strong>} or {@code <h3>} at the start of a block whose text is a state word. */
    private static Element marker(Element block) {
        for (Element candidate : block.select("strong, b, h3")) {
            if (STATES.contains(stateWord(candidate.text()))) {
                return candidate;
            }
        }
        return null;
    }

    private static String stateWord(String text) {
        return text.strip().replaceAll("[:.]$", "").strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    /** The announced window of a Statuspage "THIS IS A SCHEDULED EVENT" entry, or {@code null}. */
    private static Instant[] window(Element body, Instant reference) {
        for (Element element : body.select("strong, p")) {
            String text = element.text().replace('\u00a0', ' ');
            if (text.toUpperCase(Locale.ROOT).startsWith("THIS IS A SCHEDULED EVENT")) {
                Matcher times = PAGE_TIME.matcher(text);
                Instant start = times.find() ? pageTime(times, reference) : null;
                Instant end = (start != null && times.find()) ? pageTime(times, reference) : null;
                return (start != null) ? new Instant[] { start, end } : null;
            }
        }
        return null;
    }

    static Instant pageTime(String text, Instant reference) {
        Matcher matcher = PAGE_TIME.matcher(text.replace('\u00a0', ' '));
        return matcher.find() ? pageTime(matcher, reference) : null;
    }

    /** A time without a year is taken in the year that puts it closest to when the entry was written. */
    private static Instant pageTime(Matcher matcher, Instant reference) {
        Month month = month(matcher.group(1));
        if (month == null) {
            return null;
        }
        int day = Integer.parseInt(matcher.group(2));
        int hour = Integer.parseInt(matcher.group(4));
        int minute = Integer.parseInt(matcher.group(5));
        int referenceYear = reference.atZone(ZoneOffset.UTC).getYear();
        List<Integer> years = (matcher.group(3) != null) ? List.of(Integer.parseInt(matcher.group(3)))
                : List.of(referenceYear - 1, referenceYear, referenceYear + 1);
        Instant best = null;
        for (int year : years) {
            try {
                Instant candidate = LocalDateTime.of(year, month, day, hour, minute).toInstant(ZoneOffset.UTC);
                if (best == null || distance(candidate, reference) < distance(best, reference)) {
                    best = candidate;
                }
            }
            catch (java.time.DateTimeException ex) {
                // Feb 29 in a year without one: try the others
            }
        }
        return best;
    }

    private static long distance(Instant a, Instant b) {
        return Math.abs(a.getEpochSecond() - b.getEpochSecond());
    }

    private static Month month(String abbreviation) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).equalsIgnoreCase(abbreviation)) {
                return month;
            }
        }
        return null;
    }

    private static Instant rfc1123(String text) {
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    /** Feeds rarely state impact; a severity line, a category or the words do, when the provider used them. */
    private static OfficialLevel impact(SyndEntry entry, String text, boolean resolved) {
        StringBuilder words = new StringBuilder(text.toLowerCase(Locale.ROOT));
        Matcher severity = SEVERITY.matcher(text);
        String declared = severity.find() ? severity.group(1).strip().toLowerCase(Locale.ROOT) : null;
        for (SyndCategory category : entry.getCategories()) {
            if (declared == null && category.getName() != null) {
                String name = category.getName().strip().toLowerCase(Locale.ROOT);
                if (Set.of("outage", "disruption", "degraded", "major", "minor", "critical").contains(name)) {
                    declared = name;
                }
            }
        }
        if (declared != null) {
            switch (declared) {
                case "outage", "critical", "major_outage" -> {
                    return OfficialLevel.MAJOR_OUTAGE;
                }
                case "disruption", "major", "partial", "partial_outage" -> {
                    return OfficialLevel.PARTIAL_OUTAGE;
                }
                case "degraded", "minor", "degraded_performance" -> {
                    return OfficialLevel.DEGRADED_PERFORMANCE;
                }
                default -> {
                    // an unknown word: fall back to the text
                }
            }
        }
        if (words.indexOf("major outage") >= 0) {
            return OfficialLevel.MAJOR_OUTAGE;
        }
        if (words.indexOf("partial outage") >= 0) {
            return OfficialLevel.PARTIAL_OUTAGE;
        }
        return resolved ? OfficialLevel.UNKNOWN : OfficialLevel.DEGRADED_PERFORMANCE;
    }

    private static String html(SyndEntry entry) {
        StringBuilder html = new StringBuilder();
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null) {
                html.append(content.getValue()).append('\n');
            }
        }
        if (html.isEmpty() && entry.getDescription() != null && entry.getDescription().getValue() != null) {
            html.append(entry.getDescription().getValue());
        }
        return html.toString();
    }

    private static URI link(SyndEntry entry) {
        try {
            return (entry.getLink() != null) ? URI.create(entry.getLink().strip()) : null;
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static Instant instant(Date date) {
        return (date != null) ? date.toInstant() : null;
    }

}
