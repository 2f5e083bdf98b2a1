package dev.llmstatus.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.errors.ProviderErrorPage;
import dev.llmstatus.report.ReportForm;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * Error explainer pages: one provider's page for one error, a provider's list of them, and one error across
 * providers. Aliases ({@code /errors/429}) redirect permanently to the topic's slug.
 */
@Controller
class ErrorPagesController {

    private final StatusEngine engine;

    private final KnowledgeBase knowledgeBase;

    private final SnapshotViews views;

    ErrorPagesController(StatusEngine engine, KnowledgeBase knowledgeBase, SnapshotViews views) {
        this.engine = engine;
        this.views = views;
        this.knowledgeBase = knowledgeBase;
    }

    @CachedPage
    @GetMapping("/status/{slug}/errors/{topic}")
    ModelAndView page(@PathVariable String slug, @PathVariable String topic,
            @CookieValue(name = ProviderController.THANKS_COOKIE, required = false) String thanks,
            HttpServletResponse response) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState state = snapshot.provider(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
        ProviderErrorPage page = this.knowledgeBase.page(slug, topic)
            .orElseThrow(() -> new ErrorPageNotFoundException(state, topic));
        if (!page.slug().equals(topic)) {
            return PermanentRedirect.to(Links.error(slug, page.slug()));
        }
        ErrorPageView view = view(page, state, snapshot);
        List<Faq> faq = view.faq();
        ModelAndView model = new ModelAndView("errors/show");
        model.addObject("snapshot", snapshot);
        model.addObject("now", snapshot.builtAt());
        model.addObject("state", state);
        model.addObject("page", page);
        model.addObject("view", view);
        model.addObject("faq", faq);
        model.addObject("retry", page.retryExamples());
        // The report form comes filled in with this error's kind and code.
        model.addObject("reportForm", new ReportForm(page.topic().reportType(), null, page.code(), null, null));
        model.addObject("reportErrors", Map.of());
        model.addObject("reportReturn", Links.error(slug, page.slug()));
        ProviderController.acknowledge(thanks, slug, response, model);
        model.addObject("others", this.knowledgeBase.pagesFor(slug).stream()
            .filter((other) -> !other.slug().equals(page.slug()))
            .toList());
        model.addObject("meta", new PageMeta(state.name() + " " + page.code() + " " + page.title()
                + ": is it you or them? Causes and fixes | LLM Status",
                page.summary() + " " + view.verdict().call().label() + " right now; live checks, causes and fixes.",
                Links.error(slug, page.slug()),
                List.of(PageMeta.home(), new PageMeta.Crumb(state.name() + " status", Links.provider(slug)),
                        new PageMeta.Crumb(state.name() + " errors", Links.errors(slug)),
                        new PageMeta.Crumb(page.title() + " (" + page.code() + ")", Links.error(slug, page.slug()))),
                faq, state.lastChecked()));
        return model;
    }

    /** One provider's view of one error topic, shared by its error page, its errors index and the topic page. */
    private ErrorPageView view(ProviderErrorPage page, ProviderState state, StatusSnapshot snapshot) {
        return this.views.get(snapshot, "error", List.of(state.slug(), page.slug()),
                () -> ErrorPageView.of(page, state, snapshot));
    }

    @CachedPage
    @GetMapping("/status/{slug}/errors")
    ModelAndView index(@PathVariable String slug) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState state = snapshot.provider(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
        ModelAndView model = new ModelAndView("errors/index");
        model.addObject("snapshot", snapshot);
        model.addObject("now", snapshot.builtAt());
        model.addObject("state", state);
        model.addObject("views", this.knowledgeBase.pagesFor(slug).stream()
            .map((page) -> view(page, state, snapshot))
            .toList());
        model.addObject("meta", new PageMeta(
                state.name() + " API errors explained: 429, 401, 5xx and more | LLM Status",
                "Every " + state.name() + " API error we explain, what each means and whether our probes see it "
                        + "right now. " + state.name() + " is " + state.level().label().toLowerCase(Locale.ROOT)
                        + ".",
                Links.errors(slug), List.of(PageMeta.home(), new PageMeta.Crumb(state.name() + " status",
                        Links.provider(slug)), new PageMeta.Crumb(state.name() + " errors", Links.errors(slug))),
                List.of(), state.lastChecked()));
        return model;
    }

    @CachedPage
    @GetMapping("/errors")
    ModelAndView topics() {
        StatusSnapshot snapshot = this.engine.current();
        ModelAndView model = new ModelAndView("errors/topics");
        model.addObject("topics", this.knowledgeBase.topics());
        model.addObject("meta", new PageMeta("LLM API errors explained: 429, 401, 5xx, overloaded and more | LLM Status",
                "Every LLM API error we explain, from rate limits to overloaded servers: what each means, how to fix "
                        + "it and which providers return it right now.",
                "/errors", List.of(PageMeta.home(), new PageMeta.Crumb("Errors explained", "/errors")), List.of(),
                snapshot.lastChecked()));
        return model;
    }

    @CachedPage
    @GetMapping("/errors/{topic}")
    ModelAndView topic(@PathVariable String topic) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderErrorPage general = this.knowledgeBase.generalPage(topic)
            .orElseThrow(() -> new ErrorPageNotFoundException(null, topic));
        if (!general.slug().equals(topic)) {
            return PermanentRedirect.to(Links.topic(general.slug()));
        }
        List<ErrorPageView> views = snapshot.problemsFirst()
            .stream()
            .flatMap((state) -> this.knowledgeBase.page(state.slug(), general.slug())
                .map((page) -> view(page, state, snapshot))
                .stream())
            .sorted(Comparator.comparing((ErrorPageView view) -> !view.seenNow()))
            .toList();
        List<Faq> faq = general.faq().stream().map((entry) -> new Faq(entry.question(), entry.answerText())).toList();
        ModelAndView model = new ModelAndView("errors/topic");
        model.addObject("snapshot", snapshot);
        model.addObject("now", snapshot.builtAt());
        model.addObject("page", general);
        model.addObject("views", views);
        model.addObject("seen", views.stream().filter(ErrorPageView::seenNow).count());
        model.addObject("faq", faq);
        model.addObject("retry", general.retryExamples());
        model.addObject("meta", new PageMeta(general.code() + " " + general.title()
                + " in LLM APIs: what it means and who returns it now | LLM Status",
                general.summary() + " How " + views.size() + " LLM APIs send it, and which of them our probes see it "
                        + "from right now.",
                Links.topic(general.slug()), List.of(PageMeta.home(),
                        new PageMeta.Crumb(general.headline(), Links.topic(general.slug()))),
                faq, snapshot.lastChecked()));
        return model;
    }

    @ExceptionHandler(ErrorPageNotFoundException.class)
    ModelAndView notFound(ErrorPageNotFoundException ex) {
        ModelAndView model = new ModelAndView("errors/not-found", HttpStatus.NOT_FOUND);
        model.addObject("topic", ex.topic());
        model.addObject("state", ex.provider());
        model.addObject("pages",
                (ex.provider() != null) ? this.knowledgeBase.pagesFor(ex.provider().slug()) : List.of());
        model.addObject("topics", this.knowledgeBase.topics());
        return model;
    }

}
