package dev.llmstatus.status;

import java.util.List;
import java.util.Locale;

/**
 * The words of our incidents, made to fit their columns by design: a title names a few components and counts
 * many ("OpenAI: degraded performance of 37 components"), and free text is cut at a word with an ellipsis rather
 * than failing the write.
 */
final class IncidentTexts {

    /** The width of {@code incident.title}. */
    static final int TITLE = 300;

    /** The width of {@code incident_update.message}. */
    static final int MESSAGE = 1000;

    /** Components named one by one in a title; more are counted. */
    private static final int NAMED = 3;

    private IncidentTexts() {
    }

    /**
     * A title such as "StepFun: major outage of API, Website".
     *
     * @param provider the provider's name
     * @param level the incident's level
     * @param components names of the affected components
     */
    static String title(String provider, Status level, List<String> components) {
        String head = provider + ": " + level.label().toLowerCase(Locale.ROOT);
        if (components.isEmpty()) {
            return fit(head, TITLE);
        }
        String named = head + " of " + String.join(", ", components);
        if (components.size() <= NAMED && named.length() <= TITLE) {
            return named;
        }
        return fit(head + " of " + components.size() + " components", TITLE);
    }

    /** The text itself when it fits in {@code max} characters, else its start, cut at a space, and an ellipsis. */
    static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max - 1);
        if (cut < max / 2) {
            cut = max - 1;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }

}
