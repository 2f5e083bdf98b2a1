package dev.llmstatus.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import dev.llmstatus.system.StatusCode;
import dev.llmstatus.system.WebUrl;

/**
 * A {@link CheckKind#FRONT_DOOR} check: one request without credentials, and the statuses that show the door is open.
 *
 * @param method GET (when the catalog says nothing), HEAD or POST
 * @param url the target
 * @param expect statuses that mean "up" (an API answering 401 to a request without a key is up)
 * @param latencyThreshold slower than this, with an expected status, counts as degraded
 * @param timeout total deadline for the whole exchange, body included
 * @param interval time between two probes
 */
public record ProbeDefinition(
        @Pattern(regexp = "GET|HEAD|POST", message = "is not a supported method (expected GET, HEAD or POST)")
        String method, @NotNull @WebUrl URI url, @NotEmpty Set<@StatusCode Integer> expect,
        @NotNull @DurationMin(millis = 1, message = "must be positive") Duration latencyThreshold,
        @NotNull @DurationMin(millis = 1, message = "must be positive") Duration timeout,
        @NotNull @DurationMin(millis = 1, message = "must be positive") Duration interval) implements CheckDefinition {

    public ProbeDefinition {
        method = (method != null) ? method.strip().toUpperCase(Locale.ROOT) : "GET";
        expect = (expect != null) ? Set.copyOf(expect) : Set.of();
    }

    @Override
    public CheckKind kind() {
        return CheckKind.FRONT_DOOR;
    }

    /** This probe with the catalog's defaults wherever it gives no duration of its own. */
    ProbeDefinition withDefaults(CatalogFile.Defaults defaults) {
        return new ProbeDefinition(this.method, this.url, this.expect,
                (this.latencyThreshold != null) ? this.latencyThreshold : defaults.latencyThreshold(),
                (this.timeout != null) ? this.timeout : defaults.timeout(),
                (this.interval != null) ? this.interval : defaults.interval());
    }

}
