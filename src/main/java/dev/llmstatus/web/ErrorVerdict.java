package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.llmstatus.catalog.CheckKind;
import dev.llmstatus.status.Status;

/**
 * "Is it you or them?" for one error at one provider, decided from live signals only and shown with the evidence
 * that decided it. Pure: signals in, verdict out.
 *
 * @param call the verdict
 * @param sentence the verdict in one sentence, naming the signal that decided it
 * @param evidence every signal we looked at and what it says, whatever the verdict
 */
record ErrorVerdict(Call call, String sentence, List<Evidence> evidence) {

    /** People reporting the same kind of problem in the last hour that count as a signal. */
    static final long REPORTS_THRESHOLD = 3;

    ErrorVerdict {
        evidence = List.copyOf(evidence);
    }

    /** The three answers a visitor can get. */
    enum Call {

        PROVIDER_WIDE("Likely provider-wide"),

        YOUR_SIDE("Likely your account or usage"),

        NOT_ENOUGH_SIGNAL("Not enough signal to tell");

        private final String label;

        Call(String label) {
            this.label = label;
        }

        public String label() {
            return this.label;
        }

        /** The CSS level class the verdict borrows for its colour (always shown with words too). */
        public String css() {
            return switch (this) {
                case PROVIDER_WIDE -> Status.PARTIAL_OUTAGE.slug();
                case YOUR_SIDE -> Status.OPERATIONAL.slug();
                case NOT_ENOUGH_SIGNAL -> Status.UNKNOWN.slug();
            };
        }

    }

    /**
     * One signal and what it says right now.
     *
     * @param signal what we looked at ("Our prober")
     * @param finding what it shows, in words
     */
    record Evidence(String signal, String finding) {
    }

    /**
     * What the verdict is decided from.
     *
     * @param provider the provider's name
     * @param error the error's name and code ("Rate limit exceeded (429)")
     * @param observable whether our front-door checks can run into this error at all
     * @param monitorOffline whether our own monitor is offline
     * @param sightings components whose fresh checks show this error, each described ("API: HTTP 429 at 12:00 UTC")
     * @param checked components with a fresh check, each described with its latest answer
     * @param level the provider's level
     * @param reason the provider's level in words
     * @param ongoingIncidents titles of its ongoing incidents
     * @param reports people who reported this kind of problem for the provider in the last hour
     * @param reportKind the kind of problem in words ("rate limits")
     * @param officialPage whether the provider has an official status page to send people to
     */
    record Signals(String provider, String error, boolean observable, boolean monitorOffline, List<String> sightings,
            List<String> checked, Status level, String reason, List<String> ongoingIncidents, long reports,
            String reportKind, boolean officialPage) {

        Signals {
            sightings = List.copyOf(sightings);
            checked = List.copyOf(checked);
            ongoingIncidents = List.copyOf(ongoingIncidents);
        }

        boolean trouble() {
            return this.level.problem() || this.level == Status.MAINTENANCE || !this.ongoingIncidents.isEmpty();
        }

        boolean reported() {
            return this.reports >= REPORTS_THRESHOLD;
        }

    }

    /** The rules, first match wins. Community reports can tip a verdict only together with another signal. */
    static ErrorVerdict decide(Signals s) {
        List<Evidence> evidence = evidence(s);
        String name = s.provider();
        if (s.monitorOffline()) {
            return new ErrorVerdict(Call.NOT_ENOUGH_SIGNAL, "Our monitor is offline, so we cannot see " + name
                    + " right now. " + (s.officialPage() ? "Check " + name + "'s official status page, or retry later."
                            : "Retry later, or send one request by hand to see what " + name + " answers."),
                    evidence);
        }
        if (!s.sightings().isEmpty()) {
            return new ErrorVerdict(Call.PROVIDER_WIDE, "Our own checks, which " + CheckKind.FRONT_DOOR.sends()
                    + " and so have no account to blame, are getting this error from " + name
                    + " right now. It is not just you.",
                    evidence);
        }
        if (s.trouble() && s.observable()) {
            return new ErrorVerdict(Call.PROVIDER_WIDE, name + " has a problem right now (" + troubleWords(s)
                    + "), and this error is a usual symptom of it. Your code and account are probably fine; retry "
                    + "with backoff.", evidence);
        }
        if (s.trouble() && s.reported()) {
            return new ErrorVerdict(Call.PROVIDER_WIDE, name + " has a problem right now and " + s.reports()
                    + " people reported " + s.reportKind() + " in the last hour, so it is probably not just you.",
                    evidence);
        }
        if (s.trouble()) {
            return new ErrorVerdict(Call.NOT_ENOUGH_SIGNAL, name + " has a problem right now, but it does not "
                    + "usually cause this error, and nobody else is reporting it. Check the causes below, and retry "
                    + "once " + name + " recovers.", evidence);
        }
        if (s.reported()) {
            return new ErrorVerdict(Call.NOT_ENOUGH_SIGNAL, s.reports() + " people reported " + s.reportKind()
                    + " in the last hour, but our checks of " + name + " look normal. Reports alone do not make an "
                    + "outage; check the causes below.", evidence);
        }
        if (s.level() == Status.UNKNOWN || s.checked().isEmpty()) {
            return new ErrorVerdict(Call.NOT_ENOUGH_SIGNAL, "We have no fresh checks of " + name
                    + " right now, so we cannot tell. Check the causes below.", evidence);
        }
        return new ErrorVerdict(Call.YOUR_SIDE, name + " is working for our prober, with no incident and no wave "
                + "of reports, so the cause is most likely in your account, key or requests. Start with the causes "
                + "below.", evidence);
    }

    private static String troubleWords(Signals s) {
        List<String> words = new ArrayList<>();
        if (s.level().problem() || s.level() == Status.MAINTENANCE) {
            words.add(s.level().label().toLowerCase(Locale.ROOT));
        }
        int count = s.ongoingIncidents().size();
        if (count > 0) {
            words.add((count == 1) ? "an ongoing incident" : count + " ongoing incidents");
        }
        return String.join(", ", words);
    }

    private static List<Evidence> evidence(Signals s) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("Our prober", prober(s)));
        evidence.add(new Evidence(s.provider() + " status", s.level().label() + ": " + s.reason() + "."));
        evidence.add(new Evidence("Ongoing incidents", s.ongoingIncidents().isEmpty() ? "None."
                : String.join("; ", s.ongoingIncidents()) + "."));
        evidence.add(new Evidence("Community reports", (s.reports() == 1) ? "1 person reported " + s.reportKind()
                + " in the last hour." : s.reports() + " people reported " + s.reportKind() + " in the last hour."));
        return evidence;
    }

    private static String prober(Signals s) {
        if (s.monitorOffline()) {
            return "Offline: our monitor cannot reach the internet, so its checks say nothing about " + s.provider()
                    + ".";
        }
        if (!s.sightings().isEmpty()) {
            return "Getting " + s.error() + " right now: " + String.join("; ", s.sightings()) + ".";
        }
        if (s.checked().isEmpty()) {
            return "No fresh checks of " + s.provider() + ".";
        }
        String latest = "Latest answers: " + String.join("; ", s.checked()) + ".";
        if (!s.observable()) {
            return "Cannot see this error: our checks " + CheckKind.FRONT_DOOR.sends()
                    + ", so only your own calls can run into it. " + latest;
        }
        return "Not getting this error. " + latest;
    }

}
