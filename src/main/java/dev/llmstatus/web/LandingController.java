package dev.llmstatus.web;

import java.util.List;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusProperties;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * "Is X down?" pages: the answer first, for people arriving from a search engine.
 */
@Controller
class LandingController {

    private final StatusEngine engine;

    private final Catalog catalog;

    private final StatusProperties properties;

    private final SnapshotViews views;

    LandingController(StatusEngine engine, Catalog catalog, StatusProperties properties, SnapshotViews views) {
        this.engine = engine;
        this.views = views;
        this.catalog = catalog;
        this.properties = properties;
    }

    @CachedPage
    @GetMapping("/is-{slug}-down")
    Object isItDown(@PathVariable String slug, Model model) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState state = snapshot.provider(slug).orElse(null);
        if (state == null) {
            // "/is-claude-down": the name people search for, answered by the provider's own page.
            // Hyphens stand for spaces in a URL ("/is-open-ai-down"); punctuation-blind matching catches the rest.
            Provider known = this.catalog.findByNameOrAlias(slug.replace('-', ' '))
                .or(() -> Suggestions.exact(slug, this.catalog.providers()))
                .orElseThrow(() -> new ProviderNotFoundException(slug));
            return PermanentRedirect.to(Links.isDown(known.slug()));
        }
        DownAnswer answer = this.views.get(snapshot, "down", slug,
                () -> DownAnswer.of(state, snapshot.monitor().offline()));
        List<Faq> faq = this.views.faq(snapshot, state, this.properties);
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("now", snapshot.builtAt());
        model.addAttribute("state", state);
        model.addAttribute("answer", answer);
        model.addAttribute("faq", faq);
        model.addAttribute("meta", new PageMeta("Is " + state.name() + " down right now? " + answer.word()
                + " | LLM Status", answer.sentence(), Links.isDown(slug),
                List.of(PageMeta.home(), new PageMeta.Crumb(state.name() + " status", Links.provider(slug)),
                        new PageMeta.Crumb("Is " + state.name() + " down?", Links.isDown(slug))),
                faq, state.lastChecked()));
        return "landing/is-down";
    }

}
