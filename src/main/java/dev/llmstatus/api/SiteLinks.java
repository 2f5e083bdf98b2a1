package dev.llmstatus.api;

import dev.llmstatus.status.IncidentView;
import dev.llmstatus.system.SiteProperties;

import org.springframework.stereotype.Component;

/**
 * Absolute links into the site, for documents read away from it: feeds, the JSON API.
 */
@Component
class SiteLinks {

    private final SiteProperties site;

    SiteLinks(SiteProperties site) {
        this.site = site;
    }

    String home() {
        return this.site.url("/");
    }

    String provider(String slug) {
        return this.site.url("/status/" + slug);
    }

    String incident(String slug, String incidentId) {
        return this.site.url(IncidentView.path(slug, incidentId));
    }

    String feed(String slug, String extension) {
        return provider(slug) + "/history." + extension;
    }

}
