package dev.llmstatus.status;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Docs;
import dev.llmstatus.catalog.ProbeDefinition;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.catalog.StatusPageSource;
import dev.llmstatus.probe.ErrorClass;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.probe.ProbeResult;

/**
 * Builds catalog entries and probe results for engine tests. A string like "UUDDD" is a series of outcomes one
 * interval apart, ending at {@code end}: U up, S slow, R rate limited, D down, N network failure.
 */
final class Results {

    static final Duration INTERVAL = Duration.ofSeconds(60);

    private Results() {
    }

    static Component component(String key, String name, String official) {
        return new Component(key, name, official, new ProbeDefinition("GET", URI.create("https://api.example/" + key),
                Set.of(401), Duration.ofSeconds(3), Duration.ofSeconds(10), INTERVAL));
    }

    static Provider provider(String slug, Component... components) {
        return new Provider(slug, slug.toUpperCase(), URI.create("https://" + slug + ".example"),
                URI.create("https://api." + slug + ".example"), new Docs(URI.create("https://docs.example/e"), null,
                        null),
                StatusPageSource.NONE, List.of(components));
    }

    static List<ProbeResult> series(String provider, String component, String outcomes, Instant end) {
        List<ProbeResult> results = new ArrayList<>();
        int n = outcomes.length();
        for (int i = 0; i < n; i++) {
            Instant at = end.minus(INTERVAL.multipliedBy(n - 1 - i));
            results.add(result(provider, component, outcomes.charAt(i), at));
        }
        return results;
    }

    static ProbeResult result(String provider, String component, char code, Instant at) {
        return switch (code) {
            case 'U' -> new ProbeResult(provider, component, at, Duration.ofMillis(120), 401, Outcome.UP, null,
                    "TLSv1.3", null, "application/json", List.of(), "HTTP 401");
            case 'S' -> new ProbeResult(provider, component, at, Duration.ofMillis(4200), 401, Outcome.DEGRADED, null,
                    "TLSv1.3", null, "application/json", List.of(), "HTTP 401");
            case 'R' -> new ProbeResult(provider, component, at, Duration.ofMillis(90), 429, Outcome.RATE_LIMITED,
                    ErrorClass.HTTP_4XX, "TLSv1.3", "30", "application/json", List.of("rate_limit_error"), "HTTP 429");
            case 'D' -> new ProbeResult(provider, component, at, Duration.ofMillis(80), 503, Outcome.DOWN,
                    ErrorClass.HTTP_5XX, "TLSv1.3", null, "text/html", List.of(), "HTTP 503");
            case 'N' -> new ProbeResult(provider, component, at, Duration.ofMillis(5), null, Outcome.DOWN,
                    ErrorClass.CONNECT, null, null, null, List.of(), "connection refused");
            default -> throw new IllegalArgumentException("unknown outcome code " + code);
        };
    }

}
