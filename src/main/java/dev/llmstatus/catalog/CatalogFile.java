package dev.llmstatus.catalog;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The catalog file as written: probe defaults and the providers.
 *
 * @param defaults what a probe that gives no timing of its own gets
 * @param providers in display order
 */
record CatalogFile(@NotNull @Valid Defaults defaults, @NotEmpty List<@Valid Provider> providers) {

    CatalogFile {
        defaults = (defaults != null) ? defaults : new Defaults(null, null, null);
        providers = (providers != null) ? List.copyOf(providers) : List.of();
    }

    /** The same providers with the defaults filled into every probe. */
    CatalogFile withDefaults() {
        return new CatalogFile(this.defaults,
                this.providers.stream().map((provider) -> provider.withProbeDefaults(this.defaults)).toList());
    }

    /**
     * Probe timing for the whole file.
     *
     * @param interval 60 seconds when not given
     * @param timeout 10 seconds when not given
     * @param latencyThreshold 3 seconds when not given
     */
    record Defaults(@DurationMin(millis = 1, message = "must be positive") Duration interval,
            @DurationMin(millis = 1, message = "must be positive") Duration timeout,
            @DurationMin(millis = 1, message = "must be positive") Duration latencyThreshold) {

        Defaults {
            interval = (interval != null) ? interval : Duration.ofSeconds(60);
            timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
            latencyThreshold = (latencyThreshold != null) ? latencyThreshold : Duration.ofSeconds(3);
        }

    }

}
