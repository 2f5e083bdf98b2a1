package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.List;

import dev.llmstatus.catalog.Provider;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.TimeWords;

/**
 * The answer to "is X down?" in its first sentence, taken from the snapshot, and what to do about it.
 *
 * @param word yes, partly, no, or we can't tell
 * @param sentence the whole first sentence
 * @param steps what a developer whose calls fail should do now
 */
record DownAnswer(String word, String sentence, List<String> steps) {

    /**
     * @param state the provider in the current snapshot
     * @param offline whether our monitor is offline
     */
    static DownAnswer of(ProviderState state, boolean offline) {
        String name = state.name();
        String since = (state.since() != null) ? " since " + TimeWords.dateTime(state.since()) : "";
        return switch (state.level()) {
            case OPERATIONAL -> new DownAnswer("No", "No, " + name + " has been up" + since + ": "
                    + lower(state.reason()) + ".", yourSide(name));
            case MAINTENANCE -> new DownAnswer("Partly", "Partly: " + name + " is under maintenance" + since + ". "
                    + state.reason() + ".", theirSide(name));
            case DEGRADED -> new DownAnswer("Partly", "Partly: " + name + " is up but degraded" + since + ". "
                    + state.reason() + ".", theirSide(name));
            case PARTIAL_OUTAGE -> new DownAnswer("Partly", "Partly: " + name + " has a partial outage" + since + ". "
                    + state.reason() + ".", theirSide(name));
            case MAJOR_OUTAGE -> new DownAnswer("Yes", "Yes, " + name + " appears to be down" + since + ". "
                    + state.reason() + ".", theirSide(name));
            case UNKNOWN -> new DownAnswer("We can't tell", "We can't tell right now whether " + name + " is down"
                    + (offline ? ": our monitor is offline, so it cannot see " + name + "." : ". " + state.reason() + "."),
                    unknown(state.provider()));
        };
    }

    /**
     * The sentence without its leading answer word ("StepFun has a partial outage since ..."), for the headline that
     * shows the word on its own line just above, so that it is not said twice. A sentence whose word is not followed
     * by a comma or colon ("We can't tell right now whether ...") is kept whole. Public for the templates.
     */
    public String detail() {
        if (!this.sentence.startsWith(this.word)) {
            return this.sentence;
        }
        String rest = this.sentence.substring(this.word.length());
        if (!(rest.startsWith(", ") || rest.startsWith(": ")) || rest.length() < 3) {
            return this.sentence;
        }
        return Character.toUpperCase(rest.charAt(2)) + rest.substring(3);
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> yourSide(String name) {
        return List.of("Read the exact error your call returned: the status code and the error type name the cause.",
                "Check the API key you send, and that it belongs to the region and project you are calling.",
                "Check your quota, balance and rate limits in the " + name + " console.",
                "Send one request by hand (curl) to rule out your HTTP client, proxy or network.",
                "If only some calls fail, retry them with exponential backoff and jitter, honouring Retry-After.");
    }

    private static List<String> theirSide(String name) {
        return List.of("Retry with exponential backoff and jitter, and honour Retry-After; do not retry in a tight loop.",
                "Lower your concurrency until " + name + " recovers, and queue work that can wait.",
                "Fail over to another model or provider for traffic that cannot wait.",
                "Watch this page or its incident feed; it updates within a couple of minutes of a change.",
                "Keep the request IDs of failed calls in case you need to contact " + name + " support.");
    }

    private static List<String> unknown(Provider provider) {
        String name = provider.name();
        List<String> steps = new ArrayList<>();
        if (provider.statusPage().url() != null) {
            steps.add("Check " + name + "'s official status page: " + provider.statusPage().url() + ".");
        }
        steps.add("Send one request by hand (curl) and read the status code and error type.");
        steps.add("If calls fail with 5xx, 529 or timeouts, treat it as an outage: back off and fail over.");
        steps.add("If calls fail with 401, 403 or 429, the cause is more likely your key, region or limits.");
        return List.copyOf(steps);
    }

}
