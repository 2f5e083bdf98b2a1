package dev.llmstatus.web;

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
        model.addAttribute("faq", ProviderFaq.of(state, this.properties));
        return "provider/show";
    }

}
