package dev.llmstatus.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.support.LocalHttp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "llmstatus.probe.enabled=false")
class SiteIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    StatusEngine engine;

    @Test
    void homeListsEveryCatalogProviderWithALinkToItsPage() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/html"));
        assertThat(this.catalog.providers()).allSatisfy((provider) -> assertThat(response.body())
            .contains("href=\"/status/" + provider.slug() + "\""));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] { "/", "/no-such-page", "/actuator/health", "/css/site.css" }) {
            HttpResponse<String> response = get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                .hasValueSatisfying((csp) -> assertThat(csp).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).isPresent();
            assertThat(response.headers().firstValue("Permissions-Policy")).as(path).isPresent();
        }
    }

    @Test
    void unknownPathGetsA404PageInTheSiteLayout() throws Exception {
        HttpResponse<String> response = get("/no-such-page");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found")
            .containsPattern("/css/site-[0-9a-f]{32}\\.css")
            .doesNotContain("Whitelabel")
            .doesNotContain("Exception");
    }

    @Test
    void actuatorExposesOnlyHealthInfoAndPrometheus() throws Exception {
        // Health reports ready only once a snapshot exists; a fast start may ask before the first scheduled one.
        this.engine.rebuild();
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(get("/actuator/info").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(200);
        for (String hidden : new String[] { "/actuator/env", "/actuator/beans", "/actuator/heapdump",
                "/actuator/configprops", "/actuator/loggers" }) {
            assertThat(get(hidden).statusCode()).as(hidden).isEqualTo(404);
        }
    }

    private HttpResponse<String> get(String path) {
        return LocalHttp.at(this.port).get(path);
    }

}
