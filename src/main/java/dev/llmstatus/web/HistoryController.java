package dev.llmstatus.web;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import dev.llmstatus.status.IncidentArchive;
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
 * A provider's incidents and maintenances, ours and official, one month per page ({@code /status/<slug>/history}
 * is the current month, {@code /history/2026-10} an earlier one), back to the first month we have data for. The
 * month is in the path, not a query parameter, so the page cache keys on it.
 */
@Controller
class HistoryController {

    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final StatusEngine engine;

    private final IncidentArchive archive;

    HistoryController(StatusEngine engine, IncidentArchive archive) {
        this.engine = engine;
        this.archive = archive;
    }

    @CachedPage
    @GetMapping("/status/{slug}/history")
    ModelAndView current(@PathVariable String slug) {
        StatusSnapshot snapshot = this.engine.current();
        return month(snapshot, slug, YearMonth.from(snapshot.builtAt().atZone(ZoneOffset.UTC)));
    }

    @CachedPage
    @GetMapping("/status/{slug}/history/{month}")
    ModelAndView month(@PathVariable String slug, @PathVariable String month) {
        StatusSnapshot snapshot = this.engine.current();
        YearMonth asked;
        try {
            asked = YearMonth.parse(month);
        }
        catch (DateTimeParseException ex) {
            throw new IncidentNotFoundException(slug, "history/" + month);
        }
        return month(snapshot, slug, asked);
    }

    private ModelAndView month(StatusSnapshot snapshot, String slug, YearMonth month) {
        ProviderState state = snapshot.provider(slug).orElseThrow(() -> new ProviderNotFoundException(slug));
        YearMonth current = YearMonth.from(snapshot.builtAt().atZone(ZoneOffset.UTC));
        YearMonth first = this.archive.firstMonth(slug);
        YearMonth oldest = (first != null && first.isBefore(current)) ? first : current;
        if (month.isAfter(current) || month.isBefore(oldest)) {
            throw new IncidentNotFoundException(slug, "history/" + month);
        }
        List<IncidentView> incidents = this.archive.month(slug, month);
        String name = MONTH_NAME.format(month);
        ModelAndView page = new ModelAndView("history/show");
        page.addObject("state", state);
        page.addObject("now", snapshot.builtAt());
        page.addObject("month", name);
        page.addObject("incidents", incidents);
        page.addObject("newer", month.isBefore(current) ? Links.history(slug, month.plusMonths(1), current) : null);
        page.addObject("older", month.isAfter(oldest) ? Links.history(slug, month.minusMonths(1), current) : null);
        page.addObject("since", MONTH_NAME.format(oldest));
        page.addObject("meta", new PageMeta(state.name() + " incident history, " + name + " | LLM Status",
                state.name() + " incidents and maintenances in " + name + ", detected by our checks and reported on "
                        + "its official status page.",
                Links.history(slug, month, current), List.of(PageMeta.home(),
                        new PageMeta.Crumb(state.name() + " status", Links.provider(slug)),
                        new PageMeta.Crumb("History", Links.history(slug, month, current))),
                List.of(), snapshot.builtAt()));
        return page;
    }

}
