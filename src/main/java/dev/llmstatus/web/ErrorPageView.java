package dev.llmstatus.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.llmstatus.errors.ErrorTopic;
import dev.llmstatus.errors.ProviderErrorPage;
import dev.llmstatus.model.ModelOutcome;
import dev.llmstatus.model.ModelResult;
import dev.llmstatus.report.ReportType;
import dev.llmstatus.status.ComponentState;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.status.TimeWords;

/**
 * One provider's page for one error together with what the snapshot says about that error right now: which
 * components our prober sees it on, and the "is it you or them?" verdict.
 *
 * @param page the knowledge base's page
 * @param state the provider in the snapshot
 * @param checks each component's latest check, judged against this error
 * @param verdict the verdict and its evidence
 */
record ErrorPageView(ProviderErrorPage page, ProviderState state, List<Check> checks, ErrorVerdict verdict) {

    ErrorPageView {
        checks = List.copyOf(checks);
    }

    /**
     * One component's latest check, judged against the error.
     *
     * @param component the component in the snapshot
     * @param fresh whether the check counts: the monitor is online and the component's level is known
     * @param matchesStatus whether the latest answer's outcome and status are this error
     * @param signatures the error's strings that recent answers carried
     */
    record Check(ComponentState component, boolean fresh, boolean matchesStatus, List<String> signatures) {

        Check {
            signatures = List.copyOf(signatures);
        }

        /** Whether our prober sees this error on this component right now. */
        public boolean showsIt() {
            return this.fresh && (this.matchesStatus || !this.signatures.isEmpty());
        }

    }

    static ErrorPageView of(ProviderErrorPage page, ProviderState state, StatusSnapshot snapshot) {
        boolean offline = snapshot.monitor().offline();
        Instant now = snapshot.builtAt();
        ErrorTopic topic = page.topic();
        Set<String> strings = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        strings.addAll(page.signatures());
        strings.addAll(page.specifics().codes());
        List<Check> checks = new ArrayList<>();
        List<String> sightings = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        for (ComponentState component : state.components()) {
            boolean fresh = !offline && component.level().known() && component.lastChecked() != null;
            Check check = new Check(component, fresh, topic.matchesProbe(
                    (component.lastOutcome() != null) ? component.lastOutcome().name() : null, component.httpStatus()), component.signatures().stream().filter(strings::contains).toList());
            checks.add(check);
            if (!fresh) {
                continue;
            }
            String answer = component.component().name() + ": " + answer(component) + " at "
                    + TimeWords.clock(component.lastChecked());
            checked.add(answer);
            if (check.showsIt()) {
                sightings.add(check.signatures().isEmpty() ? answer
                        : answer + ", recent answers carried " + String.join(", ", check.signatures()));
            }
        }
        ErrorVerdict verdict = ErrorVerdict.decide(new ErrorVerdict.Signals(state.name(),
                topic.title() + " (" + topic.code() + ")", !topic.probeOutcomes().isEmpty(), offline, sightings,
                checked, state.level(), state.reason(), state.ongoingIncidents().stream().map(IncidentView::title)
                    .toList(),
                reportsOfThisKind(state, topic), reportKind(topic), state.provider().statusPage().url() != null));
        return new ErrorPageView(page, state, checks, withModelChecks(verdict, topic, state, offline, now));
    }

    /**
     * Adds what our model checks got to the evidence: "our model check got this 529 from claude-sonnet-4-5 2 min
     * ago". A model that is failing with this very error makes the error provider-wide, since such a check sends a
     * valid request with a working key; errors of our own key or account never do.
     */
    static ErrorVerdict withModelChecks(ErrorVerdict verdict, ErrorTopic topic, ProviderState state, boolean offline,
            Instant now) {
        if (offline || !state.modelsConfigured()) {
            return verdict;
        }
        List<String> seen = new ArrayList<>();
        ModelState failing = null;
        for (ModelState model : state.models()) {
            ModelResult error = model.lastError();
            if (error == null || !topic.slug().equals(model.lastErrorTopic())
                    || error.outcome().impact() == ModelOutcome.Impact.OURS) {
                continue;
            }
            seen.add(model.id() + ": " + error.detail() + ", at " + TimeWords.clock(error.startedAt()));
            if (failing == null && model.level().problem() && error.equals(model.last())) {
                failing = model;
            }
        }
        List<ErrorVerdict.Evidence> evidence = new ArrayList<>(verdict.evidence());
        evidence.add(new ErrorVerdict.Evidence("Our model checks", seen.isEmpty()
                ? "Not getting this error from any of " + state.name() + "'s models we check."
                : "Got this error: " + String.join("; ", seen) + "."));
        if (failing != null && verdict.call() != ErrorVerdict.Call.PROVIDER_WIDE) {
            ModelResult error = failing.lastError();
            return new ErrorVerdict(ErrorVerdict.Call.PROVIDER_WIDE, "Our model check got this error from "
                    + failing.id() + " at " + TimeWords.clock(error.startedAt()) + " (" + error.detail()
                    + ") with a valid request and a working key, and the model is "
                    + failing.level().label().toLowerCase(Locale.ROOT) + ". It is not just you.", evidence);
        }
        return new ErrorVerdict(verdict.call(), verdict.sentence(), evidence);
    }

    /**
     * People who reported this kind of problem ({@link ErrorTopic#reportType()}) for the provider in the last hour:
     * the one place where community reports enter the verdict.
     */
    static long reportsOfThisKind(ProviderState state, ErrorTopic topic) {
        return state.reports().lastHour(ReportType.valueOf(topic.reportType()));
    }

    /** The kind of problem visitors report for this error, in words. */
    static String reportKind(ErrorTopic topic) {
        return ReportType.valueOf(topic.reportType()).phrase();
    }

    /** Whether our prober sees this error from the provider right now. */
    public boolean seenNow() {
        return this.checks.stream().anyMatch(Check::showsIt);
    }

    /** Whether any component has a check that counts right now. */
    public boolean checked() {
        return this.checks.stream().anyMatch(Check::fresh);
    }

    /** The components it is seen on, by name. */
    public List<String> seenOn() {
        return this.checks.stream().filter(Check::showsIt).map((check) -> check.component().component().name())
            .toList();
    }

    /** The questions shown on the page: the live one first, then the knowledge base's. */
    List<Faq> faq() {
        List<Faq> faq = new ArrayList<>();
        faq.add(new Faq("Is " + this.state.name() + " returning " + this.page.title().toLowerCase(Locale.ROOT)
                + " errors to everyone right now?", this.verdict.call().label() + ". " + this.verdict.sentence()));
        this.page.faq().forEach((entry) -> faq.add(new Faq(entry.question(), entry.answerText())));
        return List.copyOf(faq);
    }

    private static String answer(ComponentState component) {
        return (component.lastDetail() != null) ? component.lastDetail() : component.reason();
    }

}
