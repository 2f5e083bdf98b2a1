package dev.llmstatus.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The public face of the site.
 *
 * @param baseUrl the public base URL, used for canonical links, sitemaps, feeds and social tags
 */
@ConfigurationProperties("llmstatus.site")
public record SiteProperties(@DefaultValue("http://localhost:8080") URI baseUrl) {

    /** An absolute URL for a site path ("/status/stepfun"). */
    public String url(String path) {
        String base = this.baseUrl.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + path;
    }

}
