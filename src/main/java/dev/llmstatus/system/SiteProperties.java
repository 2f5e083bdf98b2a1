package dev.llmstatus.system;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the site is published.
 *
 * @param baseUrl the public base URL of the site, without a trailing slash; absolute links in feeds, the JSON API
 * and page metadata start with it
 */
@ConfigurationProperties("llmstatus.site")
public record SiteProperties(@DefaultValue("http://localhost:8080") URI baseUrl) {
}
