package dev.llmstatus.system;

import java.net.http.HttpResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.llmstatus.support.LocalHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an instance behind https with a metrics token shows the world: HSTS on every answer (pages, JSON, errors), the
 * Prometheus endpoint only with the bearer token, and no exception class names or file paths in its labels.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "llmstatus.probe.enabled=false", "llmstatus.site.base-url=https://status.example",
                "llmstatus.metrics.token=s3cret-metrics-token", "llmstatus.test.context=public-surface" })
class PublicSurfaceIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Test
    void everyAnswerCarriesHstsWhenTheSiteIsServedOverHttps() {
        for (String path : new String[] { "/", "/status/stepfun", "/api/v2/summary.json", "/no-such-page",
                "/api/v1/providers/no-such-provider/summary.json", "/actuator/prometheus" }) {
            HttpResponse<String> response = http().send(http().request(path).build());
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(path)
                .hasValue(SecurityHeaders.STRICT_TRANSPORT_SECURITY);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
        }
    }

    @Test
    void metricsNeedTheBearerToken() {
        HttpResponse<String> none = http().send(http().request("/actuator/prometheus").build());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"metrics\"");
        assertThat(none.body()).doesNotContain("jvm_");
        HttpResponse<String> wrong = http().send(http().request("/actuator/prometheus")
            .header("Authorization", "Bearer s3cret-metrics-tokem")
            .build());
        assertThat(wrong.statusCode()).isEqualTo(401);
        HttpResponse<String> right = http().send(http().request("/actuator/prometheus")
            .header("Authorization", "Bearer s3cret-metrics-token")
            .build());
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("jvm_memory_used_bytes");
        assertThat(http().send(http().request("/actuator/health").build()).statusCode())
            .as("health stays open for load balancers").isIn(200, 503);
    }

    @Test
    void metricLabelsNameNoExceptionClassAndNoPath() {
        Counter.builder("llmstatus.test.failures")
            .tag("exception", "java.lang.IllegalStateException")
            .register(this.registry)
            .increment();
        String body = http().send(http().request("/actuator/prometheus")
            .header("Authorization", "Bearer s3cret-metrics-token")
            .build()).body();
        assertThat(body).contains("llmstatus_test_failures_total{exception=\"error\"} 1.0")
            .doesNotContain("IllegalStateException")
            .doesNotContain("Exception\"")
            .doesNotContainPattern("path=\"/")
            .contains("disk_free_bytes");
    }

    private LocalHttp http() {
        return LocalHttp.at(this.port);
    }

}
