package dev.llmstatus.api;

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
 * The Statuspage-compatible JSON API. The {@code api/v2} aliases sit where Statuspage clients look when given a
 * page URL ({@code <page>/api/v2/summary.json}), so our pages can be configured like any Statuspage page.
 */
@RestController
class SummaryController {

    private final StatusEngine engine;

    private final StatuspageSummaries summaries;

    SummaryController(StatusEngine engine, StatuspageSummaries summaries) {
        this.engine = engine;
        this.summaries = summaries;
    }

    @CachedPage
    @GetMapping({ "/api/v1/summary.json", "/api/v2/summary.json" })
    ResponseEntity<Statuspage.Summary> site() {
        return json(this.summaries.site(this.engine.current()));
    }

    @CachedPage
    @GetMapping({ "/api/v1/providers/{slug}/summary.json", "/status/{slug}/api/v2/summary.json" })
    ResponseEntity<Statuspage.Summary> provider(@PathVariable String slug) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState provider = snapshot.provider(slug).orElseThrow(() -> new UnknownProviderException(slug));
        return json(this.summaries.provider(provider, snapshot));
    }

    /** JSON whatever the Accept header says: the answer does not depend on it. */
    private static ResponseEntity<Statuspage.Summary> json(Statuspage.Summary summary) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary);
    }

}
