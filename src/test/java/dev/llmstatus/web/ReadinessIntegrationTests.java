package dev.llmstatus.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.llmstatus.support.ScriptedSiteTests;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readiness waits for the first snapshot. A context of its own (the property below), so that no other test has
 * built a snapshot in it yet.
 */
@TestPropertySource(properties = "llmstatus.test.context=readiness")
class ReadinessIntegrationTests extends ScriptedSiteTests {

    @Test
    void readyOnlyOnceTheFirstSnapshotIsBuiltWhileLivenessIsUpAtOnce() throws Exception {
        HttpResponse<String> before = get("/actuator/health/readiness", "application/json");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(before.body()).contains("OUT_OF_SERVICE");
        assertThat(get("/actuator/health/liveness", "application/json").statusCode()).isEqualTo(200);
        this.engine.rebuild();
        HttpResponse<String> after = get("/actuator/health/readiness", "application/json");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("UP");
    }

}
