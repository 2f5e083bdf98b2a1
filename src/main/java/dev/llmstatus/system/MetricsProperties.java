package dev.llmstatus.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may read the metrics.
 *
 * @param token when set, {@code /actuator/prometheus} answers only requests carrying
 * {@code Authorization: Bearer <token>}; unset, it is public (or bind it to its own port with
 * {@code management.server.port} and keep that port private)
 */
@ConfigurationProperties("llmstatus.metrics")
record MetricsProperties(String token) {

    boolean protectedByToken() {
        return this.token != null && !this.token.isBlank();
    }

}
