package dev.llmstatus.api;

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

    private final StatusEngine engine;

    private final StatuspageSummaries summaries;

    SummaryController(StatusEngine engine, StatuspageSummaries summaries) {
        this.engine = engine;
        this.summaries = summaries;
    }

    @CachedPage
    @GetMapping({ SITE_V1 + "summary.json", SITE_V2 + "summary.json" })
    ResponseEntity<Statuspage.Summary> site() {
        return site(StatuspageSummaries.PageModel::summary);
    }

    @CachedPage
    @GetMapping({ SITE_V1 + "status.json", SITE_V2 + "status.json" })
    ResponseEntity<Statuspage.StatusDocument> siteStatus() {
        return site(StatuspageSummaries.PageModel::statusDocument);
    }

    @CachedPage
    @GetMapping({ SITE_V1 + "components.json", SITE_V2 + "components.json" })
    ResponseEntity<Statuspage.Components> siteComponents() {
        return site(StatuspageSummaries.PageModel::componentsDocument);
    }

    @CachedPage
    @GetMapping({ SITE_V1 + "incidents.json", SITE_V2 + "incidents.json" })
    ResponseEntity<Statuspage.Incidents> siteIncidents() {
        return site(StatuspageSummaries.PageModel::recent);
    }

    @CachedPage
    @GetMapping({ SITE_V1 + "incidents/unresolved.json", SITE_V2 + "incidents/unresolved.json" })
    ResponseEntity<Statuspage.Incidents> siteUnresolved() {
        return site(StatuspageSummaries.PageModel::unresolved);
    }

    @CachedPage
    @GetMapping({ SITE_V1 + "scheduled-maintenances.json", SITE_V2 + "scheduled-maintenances.json" })
    ResponseEntity<Statuspage.Maintenances> siteMaintenances() {
        return site((page) -> page.maintenances((m) -> true));
    }

    @CachedPage
    @GetMapping({ SITE_V1 + "scheduled-maintenances/upcoming.json", SITE_V2 + "scheduled-maintenances/upcoming.json" })
    ResponseEntity<Statuspage.Maintenances> siteUpcoming() {
        return site((page) -> page.maintenances(SummaryController::upcoming));
    }

    @CachedPage
    @GetMapping({ SITE_V1 + "scheduled-maintenances/active.json", SITE_V2 + "scheduled-maintenances/active.json" })
    ResponseEntity<Statuspage.Maintenances> siteActive() {
        return site((page) -> page.maintenances(SummaryController::active));
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + "summary.json", PROVIDER_V2 + "summary.json" })
    ResponseEntity<Statuspage.Summary> provider(@PathVariable String slug) {
        return provider(slug, StatuspageSummaries.PageModel::summary);
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + "status.json", PROVIDER_V2 + "status.json" })
    ResponseEntity<Statuspage.StatusDocument> providerStatus(@PathVariable String slug) {
        return provider(slug, StatuspageSummaries.PageModel::statusDocument);
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + "components.json", PROVIDER_V2 + "components.json" })
    ResponseEntity<Statuspage.Components> providerComponents(@PathVariable String slug) {
        return provider(slug, StatuspageSummaries.PageModel::componentsDocument);
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + "incidents.json", PROVIDER_V2 + "incidents.json" })
    ResponseEntity<Statuspage.Incidents> providerIncidents(@PathVariable String slug) {
        return provider(slug, StatuspageSummaries.PageModel::recent);
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + "incidents/unresolved.json", PROVIDER_V2 + "incidents/unresolved.json" })
    ResponseEntity<Statuspage.Incidents> providerUnresolved(@PathVariable String slug) {
        return provider(slug, StatuspageSummaries.PageModel::unresolved);
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + "scheduled-maintenances.json", PROVIDER_V2 + "scheduled-maintenances.json" })
    ResponseEntity<Statuspage.Maintenances> providerMaintenances(@PathVariable String slug) {
        return provider(slug, (page) -> page.maintenances((m) -> true));
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + "scheduled-maintenances/upcoming.json",
            PROVIDER_V2 + "scheduled-maintenances/upcoming.json" })
    ResponseEntity<Statuspage.Maintenances> providerUpcoming(@PathVariable String slug) {
        return provider(slug, (page) -> page.maintenances(SummaryController::upcoming));
    }

    @CachedPage
    @GetMapping({ PROVIDER_V1 + "scheduled-maintenances/active.json",
            PROVIDER_V2 + "scheduled-maintenances/active.json" })
    ResponseEntity<Statuspage.Maintenances> providerActive(@PathVariable String slug) {
        return provider(slug, (page) -> page.maintenances(SummaryController::active));
    }

    private static boolean upcoming(Statuspage.Maintenance maintenance) {
        return "scheduled".equals(maintenance.status());
    }

    private static boolean active(Statuspage.Maintenance maintenance) {
        return "in_progress".equals(maintenance.status()) || "verifying".equals(maintenance.status());
    }

    private <T> ResponseEntity<T> site(Function<StatuspageSummaries.PageModel, T> document) {
        return json(document.apply(this.summaries.sitePage(this.engine.current())));
    }

    private <T> ResponseEntity<T> provider(String slug, Function<StatuspageSummaries.PageModel, T> document) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState provider = snapshot.provider(slug).orElseThrow(() -> new UnknownProviderException(slug));
        return json(document.apply(this.summaries.providerPage(provider, snapshot)));
    }

    /** JSON whatever the Accept header says: the answer does not depend on it. */
    private static <T> ResponseEntity<T> json(T document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(document);
    }

}
