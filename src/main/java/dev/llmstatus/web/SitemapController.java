package dev.llmstatus.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;
import dev.llmstatus.system.SiteProperties;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The sitemap and robots.txt, from the catalog and the snapshot.
 */
@Controller
class SitemapController {

    private final StatusEngine engine;

    private final SiteProperties site;

    private final SitemapPaths paths;

    SitemapController(StatusEngine engine, SiteProperties site, SitemapPaths paths) {
        this.engine = engine;
        this.site = site;
        this.paths = paths;
    }

    @CachedPage
    @GetMapping(path = "/sitemap.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<String> sitemap() {
        StatusSnapshot snapshot = this.engine.current();
        StringBuilder xml = new StringBuilder(16 * 1024)
            .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        url(xml, "/", snapshot.lastChecked());
        for (ProviderState state : snapshot.providers()) {
            for (String path : this.paths.forProvider(state)) {
                url(xml, path, state.lastChecked());
            }
        }
        for (String path : this.paths.global()) {
            url(xml, path, null);
        }
        xml.append("</urlset>\n");
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
    }

    @CachedPage
    @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> robots() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("User-agent: *\nAllow: /\n"
                + "Disallow: /actuator/\nDisallow: /errors/lookup\n\nSitemap: " + this.site.url("/sitemap.xml") + "\n");
    }

    private void url(StringBuilder xml, String path, Instant modified) {
        xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(this.site.url(path))).append("</loc>");
        if (modified != null) {
            xml.append("<lastmod>").append(DateTimeFormatter.ISO_INSTANT.format(modified)).append("</lastmod>");
        }
        xml.append("</url>\n");
    }

}
