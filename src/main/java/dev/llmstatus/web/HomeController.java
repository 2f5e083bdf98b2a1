package dev.llmstatus.web;

import java.util.List;

import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private static final List<Status> LEVELS_WORST_FIRST = List.of(Status.MAJOR_OUTAGE, Status.PARTIAL_OUTAGE,
            Status.DEGRADED, Status.MAINTENANCE, Status.UNKNOWN, Status.OPERATIONAL);

    private final StatusEngine engine;

    HomeController(StatusEngine engine) {
        this.engine = engine;
    }

    @CachedPage
    @GetMapping("/")
    String home(Model model) {
        StatusSnapshot snapshot = this.engine.current();
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("now", snapshot.builtAt());
        model.addAttribute("levels", LEVELS_WORST_FIRST);
        model.addAttribute("meta", new PageMeta("LLM API status: is OpenAI, Anthropic, StepFun or Spark down? | LLM Status",
                "Live status of " + snapshot.providers().size() + " LLM API providers, checked every minute: "
                        + "outages, slowdowns and incidents, worst first.",
                "/", List.of(PageMeta.home()), List.of(), snapshot.lastChecked()));
        return "home/index";
    }

}
