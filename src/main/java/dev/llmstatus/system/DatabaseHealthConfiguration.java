package dev.llmstatus.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database health check, bounded in time: Spring Boot's own asks {@code Connection.isValid(0)}, which waits
 * forever on a connection whose network went silent. Here the wait for a connection is the pool's (2 s) and the
 * check itself gets {@value #VALID_WITHIN_SECONDS} s, so that {@code /actuator/health} answers within about 3 s in
 * an outage.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

    static final int VALID_WITHIN_SECONDS = 1;

    /** Replaces Spring Boot's indicator of the same name. */
    @Bean
    HealthIndicator dbHealthIndicator(DataSource dataSource) {
        return () -> {
            try (Connection connection = dataSource.getConnection()) {
                return connection.isValid(VALID_WITHIN_SECONDS) ? Health.up().build()
                        : Health.down().withDetail("reason", "no answer within " + VALID_WITHIN_SECONDS + " s").build();
            }
            catch (SQLException ex) {
                return Health.down().withDetail("reason", "no connection").build();
            }
        };
    }

}
