package dev.llmstatus.api;

import java.util.Map;
import java.util.function.Function;

import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Statuspage v2 public API, for the whole site and per provider. The {@code api/v2} paths sit where Statuspage
 * clients look when given a page URL ({@code <page>/api/v2/summary.json}), so the site ({@code /}) and each provider
 * page ({@code /status/<slug>}) can be configured like any Statuspage page; {@code /api/v1} keeps the older paths.
 */
@RestController
class SummaryController {

    private static final String SITE_V1 = "/api/v1/";

    private static final String SITE_V2 = "/api/v2/";

    private static final String PROVIDER_V1 = "/api/v1/providers/{slug}/";

    private static final String PROVIDER_V2 = "/status/{slug}/api/v2/";

    /** The documents at the top of a page's API, and the two families below it. */
    private static final String TOP = "{document:summary|status|components|incidents|scheduled-maintenances}.json";

    private static final String UNRESOLVED = "incidents/{document:unresolved}.json";

    private static final String MAINTENANCES = "scheduled-maintenances/{document:upcoming|active}.json";

    /** Each document by the name its path ends with (unique across the three patterns). */
    private static final Map<String, Function<StatuspageSummaries.PageModel, Object>> DOCUMENTS = Map.of(
            "summary", StatuspageSummaries.PageModel::summary,
            "status", StatuspageSummaries.PageModel::statusDocument,
            "components", StatuspageSummaries.PageModel::componentsDocument,
            "incidents", StatuspageSummaries.PageModel::recent,
            "unresolved", StatuspageSummaries.PageModel::unresolved,
            "scheduled-maintenances", (page) -> page.maintenances((maintenance) -> true),
            "upcoming", (page) -> page.maintenances(SummaryController::upcoming),
            "active", (page) -> page.maintenances(SummaryController::active));

    private final StatusEngine engine;

    private final StatuspageSummaries summaries;

    SummaryController(StatusEngine engine, StatuspageSummaries summaries) {
        this.engine = engine;
        this.summaries = summaries;
    }

    @CachedPage
    @GetMapping({ SITE_V1 + TOP, SITE_V2 + TOP, SITE_V1 + UNRESOLVED, SITE_V2 + UNRESOLVED, SITE_V1 + MAINTENANCES,
            SITE_V2 + MAINTENANCES })
    ResponseEntity<Object> site(@PathVariable String document) {
        return json(DOCUMENTS.get(document).apply(this.summaries.sitePage(this.engine.current())));
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + TOP, PROVIDER_V2 + TOP, PROVIDER_V1 + UNRESOLVED, PROVIDER_V2 + UNRESOLVED,
            PROVIDER_V1 + MAINTENANCES, PROVIDER_V2 + MAINTENANCES })
    ResponseEntity<Object> provider(@PathVariable String slug, @PathVariable String document) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState provider = snapshot.provider(slug).orElseThrow(() -> new UnknownProviderException(slug));
        return json(DOCUMENTS.get(document).apply(this.summaries.providerPage(provider, snapshot)));
    }

    private static boolean upcoming(Statuspage.Maintenance maintenance) {
        return "scheduled".equals(maintenance.status());
    }

    private static boolean active(Statuspage.Maintenance maintenance) {
        return "in_progress".equals(maintenance.status()) || "verifying".equals(maintenance.status());
    }

    /** JSON whatever the Accept header says: the answer does not depend on it. */
    private static <T> ResponseEntity<T> json(T document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

}
