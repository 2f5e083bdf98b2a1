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
 * @param indexed false for pages search engines should not index (the layout then adds {@code noindex})
 */
record PageMeta(String title, String description, String path, List<Crumb> breadcrumbs, List<Faq> faq,
        Instant modified, boolean indexed) {

    PageMeta {
        breadcrumbs = List.copyOf(breadcrumbs);
        faq = List.copyOf(faq);
    }

    /** An indexed page. */
    PageMeta(String title, String description, String path, List<Crumb> breadcrumbs, List<Faq> faq,
            Instant modified) {
        this(title, description, path, breadcrumbs, faq, modified, true);
    }

    /** The same page, indexed or not. */
    PageMeta withIndexing(boolean indexed) {
        return indexed ? this : notIndexed();
    }

    /** The same page, kept out of search engines. */
    PageMeta notIndexed() {
        return new PageMeta(this.title, this.description, this.path, this.breadcrumbs, this.faq, this.modified, false);
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
