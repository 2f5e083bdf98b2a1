package dev.llmstatus.web;

import java.time.Instant;
import java.util.List;

/**
 * What a page says about itself to browsers, search engines and link previews: rendered by the layout as the
 * description, canonical link, OpenGraph and Twitter tags, and JSON-LD.
 *
 * @param title the document title
 * @param description the meta description
 * @param path the canonical path (absolute URL built from the configured base URL)
 * @param breadcrumbs the trail from the home page to this page
 * @param faq the questions shown on the page, repeated as FAQPage JSON-LD (empty for none)
 * @param modified when the data on the page last changed (the last check), or {@code null}
 */
record PageMeta(String title, String description, String path, List<Crumb> breadcrumbs, List<Faq> faq,
        Instant modified) {

    PageMeta {
        breadcrumbs = List.copyOf(breadcrumbs);
        faq = List.copyOf(faq);
    }

    /**
     * One step of a breadcrumb trail.
     *
     * @param name its name
     * @param path its path
     */
    record Crumb(String name, String path) {
    }

    static Crumb home() {
        return new Crumb("All LLM services", "/");
    }

}
