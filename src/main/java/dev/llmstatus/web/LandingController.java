package dev.llmstatus.web;

import java.util.List;

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

    private final StatusProperties properties;

    LandingController(StatusEngine engine, StatusProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @CachedPage
    @GetMapping("/is-{slug}-down")
    String isItDown(@PathVariable String slug, Model model) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState state = snapshot.provider(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
        DownAnswer answer = DownAnswer.of(state);
        List<Faq> faq = ProviderFaq.of(state, this.properties);
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("now", snapshot.builtAt());
        model.addAttribute("state", state);
        model.addAttribute("answer", answer);
        model.addAttribute("faq", faq);
        model.addAttribute("meta", new PageMeta("Is " + state.name() + " down right now? " + answer.word()
                + " | LLM Status", answer.sentence(), "/is-" + slug + "-down",
                List.of(PageMeta.home(), new PageMeta.Crumb(state.name() + " status", "/status/" + slug),
                        new PageMeta.Crumb("Is " + state.name() + " down?", "/is-" + slug + "-down")),
                faq, state.lastChecked()));
        return "landing/is-down";
    }

}
