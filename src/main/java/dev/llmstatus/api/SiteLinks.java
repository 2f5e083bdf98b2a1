package dev.llmstatus.api;

import dev.llmstatus.system.SiteProperties;

import org.springframework.stereotype.Component;

/**
 * Absolute links into the site, for documents read away from it: feeds, the JSON API.
 */
@Component
class SiteLinks {

    private final String base;

    SiteLinks(SiteProperties properties) {
        this.base = properties.baseUrl().toString().replaceAll("/+$", "");
    }

    String home() {
        return this.base + "/";
    }

    String provider(String slug) {
        return this.base + "/status/" + slug;
    }

    String incident(String slug, String incidentId) {
        return provider(slug) + "#incident-" + incidentId;
    }

    String feed(String slug, String extension) {
        return provider(slug) + "/history." + extension;
    }

}
