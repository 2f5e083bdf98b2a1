package dev.llmstatus.web;

import java.util.List;
import java.util.Locale;

import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

    /** Longer searches match nothing anyway; the cap keeps a pasted essay from being echoed back. */
    private static final int MAX_QUERY = 60;

    private final StatusEngine engine;

    HomeController(StatusEngine engine) {
        this.engine = engine;
    }

    @CachedPage
    @GetMapping("/")
    String home(Model model) {
        return render("", model);
    }

    /** The dashboard filtered by a search: a different page for every query, so never cached. */
    @GetMapping(path = "/", params = "q")
    String search(@RequestParam(name = "q") String query, Model model, HttpServletResponse response) {
        String q = query.strip();
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        return render(q, model);
    }

    private String render(String q, Model model) {
        StatusSnapshot snapshot = this.engine.current();
        model.addAttribute("snapshot", snapshot);
        model.addAttribute("now", snapshot.builtAt());
        model.addAttribute("levels", Status.worstFirst());
        List<ProviderState> providers = snapshot.problemsFirst();
        if (!q.isEmpty()) {
            String needle = q.toLowerCase(Locale.ROOT);
            providers = providers.stream().filter((state) -> Suggestions.matches(state.provider(), needle)).toList();
        }
        model.addAttribute("q", q);
        model.addAttribute("providers", providers);
        model.addAttribute("meta", new PageMeta("LLM API status: is OpenAI, Anthropic, StepFun or Spark down? | LLM Status",
                "Live status of " + snapshot.providers().size() + " LLM API providers, checked every minute: "
                        + "outages, slowdowns and incidents, worst first.",
                "/", List.of(PageMeta.home()), List.of(), snapshot.lastChecked()));
        return "home/index";
    }

}
