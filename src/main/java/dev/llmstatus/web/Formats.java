package dev.llmstatus.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.llmstatus.catalog.Provider;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.TimeWords;
import dev.llmstatus.status.Uptime;

/**
 * Formatting helpers for templates, available in every model as {@code fmt}.
 */
public final class Formats {

    public String ago(Instant then, Instant now) {
        return TimeWords.ago(then, now);
    }

    public String iso(Instant instant) {
        return (instant != null) ? DateTimeFormatter.ISO_INSTANT.format(instant) : "";
    }

    public String dateTime(Instant instant) {
        return (instant != null) ? TimeWords.dateTime(instant) : "";
    }

    public String clock(Instant instant) {
        return (instant != null) ? TimeWords.clock(instant) : "";
    }

    public String duration(IncidentView incident, Instant now) {
        return TimeWords.duration(incident.duration(now));
    }

    public String between(Instant from, Instant to) {
        return TimeWords.duration(Duration.between(from, to));
    }

    public String percent(Double fraction) {
        return Uptime.percent(fraction);
    }

    public String millis(Long millis) {
        return (millis != null) ? Charts.millis(millis) : "–";
    }

    /**
     * A maintenance window as people announce it: "Tue 16:30–18:30 UTC" within a day, "Wed 28 May 16:30 – Thu 29 May
     * 16:30 UTC" across days, or just its start when it has no announced end.
     */
    public String window(Instant from, Instant until) {
        if (from == null) {
            return "";
        }
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(ZoneOffset.UTC);
        if (until == null) {
            return "from " + day.format(from) + " UTC";
        }
        boolean sameDay = from.atZone(ZoneOffset.UTC).toLocalDate().equals(until.atZone(ZoneOffset.UTC).toLocalDate());
        return sameDay ? day.format(from) + "–" + time.format(until) + " UTC"
                : day.format(from) + " – " + day.format(until) + " UTC";
    }

    /**
     * Words for a detection lead, from its sign: we claim to have been first only when we were ("We saw it 12 min
     * before the official page"); otherwise the official page gets the credit.
     */
    public String lead(Long minutes) {
        if (minutes == null) {
            return "";
        }
        if (minutes > 0) {
            return "We saw it " + minutes + " min before the official page";
        }
        return (minutes == 0) ? "We saw it within a minute of the official page"
                : "The official page reported it first (" + (-minutes) + " min earlier)";
    }

    /** A link's host name, for short link texts (templates may not call {@code java.net} types themselves). */
    public String host(URI uri) {
        return uri.getHost();
    }

    /** Every name a provider answers to, for the dashboard's filter. */
    public String searchNames(Provider provider) {
        return String.join(" ", Suggestions.names(provider));
    }

    /** Coverage of an uptime window in whole percent. */
    public String covered(double share) {
        return Uptime.covered(share);
    }

}
