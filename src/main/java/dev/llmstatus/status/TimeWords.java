package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Durations and instants in the short words pages use.
 */
public final class TimeWords {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter
        .ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);

    private TimeWords() {
    }

    /** "45 s", "4 min", "2 h 5 min", "3 d 4 h". */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            long rest = minutes % 60;
            return (rest == 0) ? hours + " h" : hours + " h " + rest + " min";
        }
        long days = hours / 24;
        long rest = hours % 24;
        return (rest == 0) ? days + " d" : days + " d " + rest + " h";
    }

    /** "just now", "45 s ago", "4 min ago". */
    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        Duration age = Duration.between(then, now);
        if (age.getSeconds() < 5) {
            return "just now";
        }
        return duration(age) + " ago";
    }

    /** "14:05 UTC". */
    public static String clock(Instant instant) {
        return CLOCK.format(instant);
    }

    /** "3 Nov 2026, 14:05 UTC". */
    public static String dateTime(Instant instant) {
        return DAY_CLOCK.format(instant);
    }

}
