package dev.llmstatus.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HSTS only when the public base URL is https: on a plain-http site it would tell browsers nothing useful, and an
 * instance tried on a laptop must not pin localhost to https.
 */
class SecurityHeadersTests {

    @Test
    void hstsOnlyForAnHttpsBaseUrl() {
        assertThat(headers("https://status.example")).containsEntry("Strict-Transport-Security", "max-age=31536000");
        assertThat(headers("http://localhost:8080")).doesNotContainKey("Strict-Transport-Security")
            .containsKeys("Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options",
                    "Permissions-Policy");
    }

    private static Map<String, String> headers(String baseUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        new SecurityHeaders(new SiteProperties(URI.create(baseUrl))).applyTo(headers::put);
        return headers;
    }

}
