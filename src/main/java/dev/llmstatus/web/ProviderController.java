package dev.llmstatus.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.llmstatus.report.ReportForm;
import dev.llmstatus.report.ReportService;
import dev.llmstatus.report.ReportService.Submission;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusProperties;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

@Controller
class ProviderController {

    /**
     * The thank-you after a report travels in a short-lived cookie rather than the session, so that it survives a
     * load balancer sending the redirect to another instance and costs no server memory.
     */
    static final String THANKS_COOKIE = "report-thanks";

    private final StatusEngine engine;

    private final StatusProperties properties;

    private final ReportService reports;

    private final SnapshotViews views;

    ProviderController(StatusEngine engine, StatusProperties properties, ReportService reports, SnapshotViews views) {
        this.views = views;
        this.engine = engine;
        this.properties = properties;
        this.reports = reports;
    }

    @CachedPage
    @GetMapping("/status/{slug}")
    ModelAndView provider(@PathVariable String slug,
            @CookieValue(name = THANKS_COOKIE, required = false) String thanks, HttpServletResponse response) {
        ModelAndView page = page(slug, ReportForm.empty(), Map.of(), HttpStatus.OK);
        acknowledge(thanks, slug, response, page);
        return page;
    }

    /** Shows the thank-you once on the page a report came from, and clears its cookie. */
    static void acknowledge(String thanks, String slug, HttpServletResponse response, ModelAndView page) {
        if (thanks != null) {
            response.addHeader(HttpHeaders.SET_COOKIE, thanksCookie(slug, "").maxAge(0).build().toString());
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            page.addObject("reportThanks", true);
        }
    }

    /** Reads the fields as plain parameters: binding a record through its constructor is costly under a surge. */
    @PostMapping("/status/{slug}/reports")
    ModelAndView report(@PathVariable String slug, @RequestParam Map<String, String> fields,
            HttpServletRequest request, HttpServletResponse response) {
        ProviderState state = state(this.engine.current(), slug);
        ReportForm form = ReportForm.of(fields);
        Submission submission = this.reports.submit(state.provider(), form, request.getRemoteAddr());
        return switch (submission.result()) {
            case ACCEPTED -> {
                response.addHeader(HttpHeaders.SET_COOKIE, thanksCookie(slug, "1").maxAge(120).build().toString());
                yield new ModelAndView("redirect:" + returnPath(slug, fields.get("returnTo")) + "#report");
            }
            case INVALID -> page(slug, form, submission.errors(), HttpStatus.BAD_REQUEST);
            case LIMITED -> {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(submission.retryAfter().toSeconds()));
                yield page(slug, form, submission.errors(), HttpStatus.TOO_MANY_REQUESTS);
            }
        };
    }

    private ModelAndView page(String slug, ReportForm form, Map<String, String> errors, HttpStatus status) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState state = state(snapshot, slug);
        ModelAndView page = new ModelAndView("provider/show", status);
        page.addObject("snapshot", snapshot);
        page.addObject("now", snapshot.builtAt());
        page.addObject("state", state);
        page.addObject("charts", this.views.get(snapshot, "charts", slug,
                () -> state.components().stream().map(Charts::of).toList()));
        List<Faq> faq = this.views.faq(snapshot, state, this.properties);
        page.addObject("faq", faq);
        page.addObject("meta", new PageMeta(state.name() + " status: is it down? Live checks and incidents | LLM Status",
                state.name() + ": " + state.level().label() + ". " + state.reason()
                        + ". Live checks of its API, uptime, latency and incidents.",
                Links.provider(slug), List.of(PageMeta.home(), new PageMeta.Crumb(state.name() + " status",
                        Links.provider(slug))),
                faq, state.lastChecked()));
        page.addObject("reportForm", form);
        page.addObject("reportErrors", errors);
        return page;
    }

    /** Back to the provider page, or to one of its error pages: never anywhere else (no open redirect). */
    static String returnPath(String slug, String requested) {
        String provider = Links.provider(slug);
        if (requested != null && requested.matches(Pattern.quote(provider) + "/errors/[a-z0-9-]+")) {
            return requested;
        }
        return provider;
    }

    private static ProviderState state(StatusSnapshot snapshot, String slug) {
        return snapshot.provider(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
    }

    private static ResponseCookie.ResponseCookieBuilder thanksCookie(String slug, String value) {
        return ResponseCookie.from(THANKS_COOKIE, value).path(Links.provider(slug)).httpOnly(true).sameSite("Lax");
    }

}
