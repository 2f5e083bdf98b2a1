package dev.llmstatus.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.ProbeDefinition;
import dev.llmstatus.status.ComponentState;
import dev.llmstatus.status.LatencyPoint;
import dev.llmstatus.status.Signal;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.Uptime;
import dev.llmstatus.status.UptimeDay;

/**
 * Snapshot pieces for the view-model tests of this package.
 */
final class StatusPagesFixtures {

    private StatusPagesFixtures() {
    }

    static ComponentState component(List<UptimeDay> days, List<LatencyPoint> latency) {
        Component component = new Component("api", "API", null, new ProbeDefinition("GET",
                URI.create("https://api.example/v1/models"), Set.of(401), Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(60)));
        return new ComponentState(component, Status.OPERATIONAL, "answering normally", Signal.PROBE,
                Instant.parse("2026-11-23T11:00:00Z"), Instant.parse("2026-11-23T12:00:00Z"), 120L, 401, null, null,
                List.of(), null, Uptime.NONE, days, latency);
    }

}
