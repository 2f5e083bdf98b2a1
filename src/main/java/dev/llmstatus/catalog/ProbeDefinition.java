package dev.llmstatus.catalog;

import java.net.URI;
import java.time.Duration;
import java.util.Set;

/**
 * A {@link CheckKind#FRONT_DOOR} check: one request without credentials, and the statuses that show the door is open.
 *
 * @param method GET, HEAD or POST
 * @param url the target
 * @param expect statuses that mean "up" (an API answering 401 to a request without a key is up)
 * @param latencyThreshold slower than this, with an expected status, counts as degraded
 * @param timeout total deadline for the whole exchange, body included
 * @param interval time between two probes
 */
public record ProbeDefinition(String method, URI url, Set<Integer> expect, Duration latencyThreshold, Duration timeout,
        Duration interval) implements CheckDefinition {

    public ProbeDefinition {
        expect = Set.copyOf(expect);
    }

    @Override
    public CheckKind kind() {
        return CheckKind.FRONT_DOOR;
    }

}
