package dev.llmstatus.probe;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.ProbeDefinition;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Builders shared by the prober's tests. */
final class ProbeTestSupport {

    private ProbeTestSupport() {
    }

    /** {@link ProbeProperties} with its defaults, overridden by {@code llmstatus.probe.*} entries. */
    static ProbeProperties properties(Map<String, String> overrides) {
        return new Binder(new MapConfigurationPropertySource(overrides)).bindOrCreate("llmstatus.probe",
                ProbeProperties.class);
    }

    static Component component(String key, URI url, Set<Integer> expect, Duration threshold, Duration timeout) {
        return new Component(key, key, null,
                new ProbeDefinition("GET", url, expect, threshold, timeout, Duration.ofSeconds(60)));
    }

}
