package dev.llmstatus.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The headers every answer carries, whoever produces it: a page, the JSON API, an error page, or Tomcat itself
 * refusing a request the application never sees. The policy allows no inline script and nothing from another
 * origin: the site serves its own stylesheet, script and icons.
 */
final class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** A year, subdomains left alone: the operator decides about those. */
    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

    private final Map<String, String> headers;

    SecurityHeaders(SiteProperties site) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        all.put("X-Content-Type-Options", "nosniff");
        all.put("Referrer-Policy", "strict-origin-when-cross-origin");
        all.put("X-Frame-Options", "DENY");
        all.put("Permissions-Policy",
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()");
        all.put("Cross-Origin-Opener-Policy", "same-origin");
        // Sent on plain HTTP too: browsers ignore it there, and behind a TLS-terminating proxy the application only
        // ever sees plain HTTP although visitors use https.
        if ("https".equalsIgnoreCase(site.baseUrl().getScheme())) {
            all.put("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        this.headers = Map.copyOf(all);
    }

    void applyTo(BiConsumer<String, String> setter) {
        this.headers.forEach(setter);
    }

}
