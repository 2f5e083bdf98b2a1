package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * One incident (ours or the official page's) or official maintenance with its whole timeline, at a short, stable,
 * URL-safe id: {@code m-<number>} for ours, {@code o-<the page's id>} for official ones.
 */
@Controller
class IncidentController {

    private final StatusEngine engine;

    IncidentController(StatusEngine engine) {
        this.engine = engine;
    }

    @CachedPage
    @GetMapping("/status/{slug}/incidents/{id}")
    ModelAndView incident(@PathVariable String slug, @PathVariable String id) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState state = snapshot.provider(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
        IncidentView incident = find(state, id).orElseThrow(() -> new IncidentNotFoundException(slug, id));
        ModelAndView page = new ModelAndView("incidents/show");
        page.addObject("state", state);
        page.addObject("incident", incident);
        page.addObject("now", snapshot.builtAt());
        String kind = incident.official() ? "official " + (maintenance(state, id) ? "maintenance" : "incident")
                : "incident detected by LLM Status";
        page.addObject("meta", new PageMeta(incident.title() + " | " + state.name() + " " + kind + " | LLM Status",
                state.name() + " " + kind + ": " + incident.title() + ". "
                        + (incident.ongoing() ? "Ongoing" : "Resolved") + ", with its full timeline.",
                Links.incident(slug, id),
                List.of(PageMeta.home(), new PageMeta.Crumb(state.name() + " status", Links.provider(slug)),
                        new PageMeta.Crumb(incident.title(), Links.incident(slug, id))),
                List.of(), snapshot.builtAt()));
        return page;
    }

    /** Every incident and maintenance the snapshot holds for the provider, as pages link to them. */
    static List<IncidentView> all(ProviderState state) {
        List<IncidentView> all = new ArrayList<>(state.incidents());
        if (state.official() != null) {
            state.official().maintenances().forEach((maintenance) -> all.add(IncidentView.of(maintenance)));
        }
        return all;
    }

    private static Optional<IncidentView> find(ProviderState state, String id) {
        return all(state).stream().filter((incident) -> incident.id().equals(id)).findFirst();
    }

    private static boolean maintenance(ProviderState state, String id) {
        return state.official() != null && state.official()
            .maintenances()
            .stream()
            .map(IncidentView::officialId)
            .anyMatch(id::equals);
    }

}
