package dev.llmstatus.web;

import java.util.List;

import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusProperties;
import dev.llmstatus.status.StatusSnapshot;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class ProviderController {

    private final StatusEngine engine;

    private final StatusProperties properties;

    ProviderController(StatusEngine engine, StatusProperties properties) {
        this.engine = engine;
        this.properties = properties;
    }

    @GetMapping("/status/{slug}")
    String provider(@PathVariable String slug, Model model) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState state = snapshot.provider(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("now", snapshot.builtAt());
        model.addAttribute("state", state);
        model.addAttribute("charts", state.components().stream().map(Charts::of).toList());
        List<Faq> faq = ProviderFaq.of(state, this.properties);
        model.addAttribute("faq", faq);
        model.addAttribute("meta", new PageMeta(state.name() + " status: is it down? Live checks and incidents | LLM Status",
                state.name() + ": " + state.level().label() + ". " + state.reason()
                        + ". Live checks of its API, uptime, latency and incidents.",
                "/status/" + slug, List.of(PageMeta.home(), new PageMeta.Crumb(state.name() + " status",
                        "/status/" + slug)),
                faq, state.lastChecked()));
        return "provider/show";
    }

}
