package dev.llmstatus.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import dev.llmstatus.errors.ErrorLookup;
import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Paste an error, get the page that explains it. A plain GET form, so it works without JavaScript and a result
 * can be shared as a link; kept out of search engines.
 */
@Controller
class ErrorLookupController {

    private final StatusEngine engine;

    private final KnowledgeBase knowledgeBase;

    private final ErrorLookup lookup;

    ErrorLookupController(StatusEngine engine, KnowledgeBase knowledgeBase, ErrorLookup lookup) {
        this.engine = engine;
        this.knowledgeBase = knowledgeBase;
        this.lookup = lookup;
    }

    @GetMapping("/errors/lookup")
    String lookup(@RequestParam(name = "q", required = false) String q, Model model, HttpServletResponse response) {
        StatusSnapshot snapshot = this.engine.current();
        boolean asked = q != null && !q.isBlank();
        model.addAttribute("q", (q != null) ? q : "");
        model.addAttribute("asked", asked);
        model.addAttribute("maxLength", ErrorLookup.MAX_INPUT_LENGTH);
        model.addAttribute("topics", this.knowledgeBase.topics());
        try {
            model.addAttribute("results", this.lookup.lookup(q).stream()
                .map((match) -> LookupResult.of(match, this.knowledgeBase, snapshot))
                .toList());
        }
        catch (ErrorLookup.InputTooLongException ex) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("results", List.of());
            model.addAttribute("tooLong", ex.getMessage());
        }
        model.addAttribute("meta", new PageMeta(
                "Error lookup: paste an LLM API error to see what it means | LLM Status",
                "Paste an error message, JSON body or response headers from an LLM API and see which error it is, "
                        + "which provider sent it and what to do.",
                "/errors/lookup", List.of(PageMeta.home(), new PageMeta.Crumb("Error lookup", "/errors/lookup")),
                List.of(), snapshot.lastChecked()).notIndexed());
        return "errors/lookup";
    }

}
