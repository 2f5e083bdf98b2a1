package dev.llmstatus.web;

import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final StatusEngine engine;

    HomeController(StatusEngine engine) {
        this.engine = engine;
    }

    @GetMapping("/")
    String home(Model model) {
        StatusSnapshot snapshot = this.engine.current();
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("now", snapshot.builtAt());
        model.addAttribute("levels", Status.values());
        return "home/index";
    }

}
