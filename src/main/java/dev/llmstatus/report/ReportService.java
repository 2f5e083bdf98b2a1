package dev.llmstatus.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.catalog.Provider;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Takes a submitted report through the honeypot, validation and the abuse limits, and stores it. A report that
 * passes is committed before this method returns, or it fails with {@link ReportNotRecordedException}: never a
 * silent loss.
 */
@Service
public class ReportService {

    private static final Logger logger = LoggerFactory.getLogger(ReportService.class);

    /**
     * Control characters other than line breaks and tabs, and the bidirectional overrides and isolates (which can
     * make a comment read differently from what it says): invisible, and no use in a comment.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u202A-\\u202E\\u2066-\\u2069&&[^\\n\\t]]");

    private final ReportWriter writer;

    private final Reporters reporters;

    private final ReportLimits limits;

    private final Validator validator;

    private final ApplicationEventPublisher events;

    private final MeterRegistry meters;

    private final Clock clock;

    ReportService(ReportWriter writer, Reporters reporters, ReportLimits limits, Validator validator,
            ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
        this.writer = writer;
        this.reporters = reporters;
        this.limits = limits;
        this.validator = validator;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Handles one submission.
     *
     * @param provider the provider reported on
     * @param form what was submitted
     * @param clientAddress the client's address as Tomcat reports it (behind trusted proxies, from
     * {@code X-Forwarded-For}); used for the reporter hash only
     * @return accepted (stored, or quietly dropped when the honeypot was filled), invalid, or limited
     * @throws ReportNotRecordedException when a valid report could not be stored
     */
    public Submission submit(Provider provider, ReportForm form, String clientAddress) {
        if (form.fromBot()) {
            rejected("honeypot");
            return Submission.ACCEPTED;
        }
        ReportForm clean = normalised(form);
        Map<String, String> errors = validate(provider, clean);
        if (!errors.isEmpty()) {
            rejected("invalid");
            return new Submission(Submission.Result.INVALID, errors, null);
        }
        Instant now = this.clock.instant();
        String reporter = this.reporters.identify(clientAddress, now);
        ReportLimits.Refusal refusal = this.limits.acquire(reporter, provider.slug());
        if (refusal != null) {
            rejected("limited");
            String wait = minutes(refusal.retryAfter());
            String message = refusal.hourly()
                    ? "You have sent the most reports we take from one person in an hour. Please try again in " + wait
                            + "."
                    : "You already reported a problem with " + provider.name()
                            + " a moment ago; we count each person once. You can report again in " + wait + ".";
            return new Submission(Submission.Result.LIMITED, Map.of("limit", message), refusal.retryAfter());
        }
        ReportType type = ReportType.valueOf(clean.type());
        CommunityReport report = new CommunityReport(provider.slug(), clean.component(), type, clean.errorCode(),
                clean.comment(), reporter, now);
        try {
            this.writer.write(report);
        }
        catch (ReportWriter.NotWritten ex) {
            this.limits.release(reporter, provider.slug());
            rejected("unavailable");
            logger.warn("Report for {} not recorded: {}", provider.slug(),
                    (ex.getCause() != null) ? ex.getCause().toString() : ex.getMessage());
            throw new ReportNotRecordedException(provider.slug(), provider.name(), ex);
        }
        this.meters.counter("llmstatus.reports.submitted", "provider", provider.slug(), "type", type.name())
            .increment();
        this.events.publishEvent(new ReportRecorded(provider.slug(), now));
        return Submission.ACCEPTED;
    }

    private Map<String, String> validate(Provider provider, ReportForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        this.validator.validate(form)
            .stream()
            .sorted(Comparator.comparing((ConstraintViolation<ReportForm> v) -> v.getPropertyPath().toString())
                .thenComparing(ConstraintViolation::getMessage))
            .forEach((v) -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        if (form.component() != null && provider.component(form.component()).isEmpty()) {
            errors.put("component", "Choose one of " + provider.name() + "'s components, or leave it empty.");
        }
        return errors;
    }

    /** Trimmed, blank fields as absent, Windows line breaks as one, control characters dropped. */
    static ReportForm normalised(ReportForm form) {
        String comment = clean(form.comment());
        if (comment != null) {
            comment = CONTROL.matcher(comment.replace("\r\n", "\n").replace('\r', '\n')).replaceAll("");
        }
        return new ReportForm(clean(form.type()), clean(form.component()), clean(form.errorCode()), clean(comment),
                null);
    }

    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private void rejected(String reason) {
        this.meters.counter("llmstatus.reports.rejected", "reason", reason).increment();
    }

    private static String minutes(Duration wait) {
        long minutes = (wait.getSeconds() + 59) / 60;
        return (minutes <= 1) ? "a minute" : minutes + " minutes";
    }

    /**
     * What became of a submission.
     *
     * @param result the outcome
     * @param errors messages by field name ({@code limit} for the abuse limits), empty when accepted
     * @param retryAfter for {@link Result#LIMITED}, how long until the next report would be accepted
     */
    public record Submission(Result result, Map<String, String> errors, Duration retryAfter) {

        static final Submission ACCEPTED = new Submission(Result.ACCEPTED, Map.of(), null);

        public Submission {
            errors = Map.copyOf(errors);
        }

        /** The outcomes a visitor can tell apart. A filled honeypot is indistinguishable from an accepted report. */
        public enum Result {

            ACCEPTED, INVALID, LIMITED

        }

    }

}
