package dev.llmstatus.probe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes a catalog YAML whose providers live on a {@link ProviderSimulator}, for tests, the simulated demo and the
 * benchmark.
 */
public final class SimulatedCatalog {

    private final StringBuilder yaml = new StringBuilder();

    /** A catalog whose components default to the given timing. */
    public SimulatedCatalog(Duration interval, Duration timeout, Duration latencyThreshold) {
        this.yaml.append("defaults:\n  interval: ")
            .append(interval.toMillis())
            .append("ms\n  timeout: ")
            .append(timeout.toMillis())
            .append("ms\n  latencyThreshold: ")
            .append(latencyThreshold.toMillis())
            .append("ms\nproviders:\n");
    }

    /** Starts a provider; the components and status page that follow belong to it. */
    public SimulatedCatalog provider(String slug, String name, URI website) {
        this.yaml.append("  - slug: ").append(slug).append("\n    name: \"").append(name).append("\"\n");
        this.yaml.append("    website: ").append(website).append("\n    apiBaseUrl: ").append(website).append("\n");
        this.yaml.append("    docs:\n      errors: ").append(website).append("/docs/errors\n");
        return this;
    }

    /** A Statuspage v2 page whose {@code summary.json} is at {@code api}. */
    public SimulatedCatalog statuspage(String kind, URI page, URI api) {
        this.yaml.append("    statusPage:\n      kind: ").append(kind).append("\n      url: ").append(page);
        this.yaml.append("\n      api: ").append(api).append("\n");
        return this;
    }

    /**
     * A page read through its JSON document at {@code api} (Better Stack, Instatus, Rootly, Google Cloud, AWS Health),
     * kept to {@code filter} on a shared dashboard.
     */
    public SimulatedCatalog statusPage(String kind, URI page, URI api, String... filter) {
        statuspage(kind, page, api);
        if (filter.length > 0) {
            this.yaml.append("      filter: [")
                .append(Arrays.stream(filter).map((f) -> "\"" + f + "\"").collect(Collectors.joining(", ")))
                .append("]\n");
        }
        return this;
    }

    /** An RSS or Atom incident feed. */
    public SimulatedCatalog feed(URI page, URI feed) {
        this.yaml.append("    statusPage:\n      kind: feed\n      url: ").append(page);
        this.yaml.append("\n      feed: ").append(feed).append("\n");
        return this;
    }

    /** A GET component; its official name is its display name. */
    public SimulatedCatalog component(String key, String name, URI url, Integer... expect) {
        if (!this.yaml.toString().endsWith("    components:\n") && !lastProviderHasComponents()) {
            this.yaml.append("    components:\n");
        }
        this.yaml.append("      - key: ").append(key).append("\n        name: \"").append(name);
        this.yaml.append("\"\n        officialComponent: \"").append(name).append("\"\n        probe:\n");
        this.yaml.append("          url: ").append(url).append("\n          expect: [");
        this.yaml.append(Arrays.stream(expect).map(String::valueOf).collect(Collectors.joining(", "))).append("]\n");
        return this;
    }

    /**
     * A model of the current provider, checked with the key in {@code apiKeyEnv} (an environment variable or a
     * property of that name).
     *
     * @param protocol {@code openai-chat}, {@code anthropic-messages} or {@code gemini-generate}
     */
    public SimulatedCatalog model(String id, String name, String protocol, URI url, String apiKeyEnv,
            Duration interval, Duration timeout, Duration ttftThreshold, double minTokensPerSecond) {
        String text = this.yaml.toString();
        if (text.indexOf("    models:\n", text.lastIndexOf("  - slug: ")) < 0) {
            this.yaml.append("    models:\n");
        }
        this.yaml.append("      - id: ").append(id).append("\n        name: \"").append(name).append("\"\n");
        this.yaml.append("        protocol: ").append(protocol).append("\n        url: ").append(url).append("\n");
        this.yaml.append("        apiKeyEnv: ").append(apiKeyEnv).append("\n        interval: ");
        this.yaml.append(interval.toMillis()).append("ms\n        timeout: ").append(timeout.toMillis());
        this.yaml.append("ms\n        ttftThreshold: ").append(ttftThreshold.toMillis());
        this.yaml.append("ms\n        minTokensPerSecond: ").append(minTokensPerSecond).append("\n");
        return this;
    }

    public String yaml() {
        return this.yaml.toString();
    }

    public Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, yaml(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private boolean lastProviderHasComponents() {
        String text = this.yaml.toString();
        int provider = text.lastIndexOf("  - slug: ");
        return text.indexOf("    components:\n", provider) >= 0;
    }

}
