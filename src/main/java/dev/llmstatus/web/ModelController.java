package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.errors.ProviderErrorPage;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * One model's page: is it answering now, since when, its first-token and generation speed over 24 hours, 90 days of
 * availability, its incidents and the error pages that explain what it returned. Model ids may contain slashes
 * ({@code accounts/fireworks/models/...}), so the id is the rest of the path.
 */
@Controller
class ModelController {

    /** Error topics a model check can run into, linked from every model page when the provider has them. */
    private static final List<String> MODEL_TOPICS = List.of("529-overloaded", "503-service-unavailable",
            "500-internal-server-error", "429-rate-limit-exceeded", "slow-streaming");

    private final StatusEngine engine;

    private final KnowledgeBase knowledgeBase;

    private final SnapshotViews views;

    ModelController(StatusEngine engine, KnowledgeBase knowledgeBase, SnapshotViews views) {
        this.engine = engine;
        this.views = views;
        this.knowledgeBase = knowledgeBase;
    }

    @CachedPage
    @GetMapping("/status/{slug}/models/{*id}")
    ModelAndView model(@PathVariable String slug, @PathVariable String id) {
        String modelId = id.startsWith("/") ? id.substring(1) : id;
        StatusSnapshot snapshot = this.engine.current();
        ProviderState state = snapshot.provider(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
        ModelState model = state.model(modelId).orElseThrow(() -> new ModelNotFoundException(slug, modelId));
        ModelAndView page = new ModelAndView("model/show");
        page.addObject("snapshot", snapshot);
        page.addObject("now", snapshot.builtAt());
        page.addObject("state", state);
        page.addObject("model", model);
        page.addObject("charts", this.views.get(snapshot, "model-charts", List.of(slug, modelId),
                () -> Charts.of(model)));
        page.addObject("incidents", incidents(state, model));
        page.addObject("errorPages", errorPages(slug, model));
        String path = Links.model(slug, modelId);
        page.addObject("meta", new PageMeta(model.name() + " (" + state.name() + ") status: is it down? | LLM Status",
                model.name() + " on " + state.name() + ": " + model.level().label() + ". " + capitalise(model.reason())
                        + ". Time to first token, tokens per second and availability from real requests.",
                path, List.of(PageMeta.home(), new PageMeta.Crumb(state.name() + " status", Links.provider(slug)),
                        new PageMeta.Crumb(model.name(), path)),
                List.of(), model.lastChecked()).withIndexing(model.configured()));
        return page;
    }

    /** The provider's incidents that name this model. */
    private static List<IncidentView> incidents(ProviderState state, ModelState model) {
        return state.incidents().stream()
            .filter((incident) -> incident.components().contains(model.name())
                    || incident.components().contains(model.id()))
            .toList();
    }

    /** The page for the model's last error first, then the other errors model checks meet. */
    private List<ProviderErrorPage> errorPages(String slug, ModelState model) {
        Set<String> topics = new LinkedHashSet<>();
        if (model.lastErrorTopic() != null) {
            topics.add(model.lastErrorTopic());
        }
        topics.addAll(MODEL_TOPICS);
        List<ProviderErrorPage> pages = new ArrayList<>();
        for (String topic : topics) {
            this.knowledgeBase.page(slug, topic).ifPresent(pages::add);
        }
        return pages;
    }

    /** The provider exists but lists no such model. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class ModelNotFoundException extends RuntimeException {

        ModelNotFoundException(String slug, String id) {
            super("No model '" + id + "' for " + slug);
        }

    }

    private static String capitalise(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

}
