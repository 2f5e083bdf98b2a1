package dev.llmstatus.support;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The PostgreSQL connection for {@link PostgresTest}: a container with {@link ServiceConnection} where Docker
 * answers, otherwise the local server from the environment.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresTestConfiguration {

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"));
    }

    @Bean
    @Conditional(LocalServer.class)
    JdbcConnectionDetails localPostgres() {
        return new JdbcConnectionDetails() {

            @Override
            public String getJdbcUrl() {
                return System.getenv("LLMSTATUS_TEST_POSTGRES_URL");
            }

            @Override
            public String getUsername() {
                return System.getenv().getOrDefault("LLMSTATUS_TEST_POSTGRES_USER", "llmstatus");
            }

            @Override
            public String getPassword() {
                return System.getenv().getOrDefault("LLMSTATUS_TEST_POSTGRES_PASSWORD", "llmstatus");
            }

        };
    }

    static final class DockerAvailable implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return PostgresAvailability.source() == PostgresAvailability.Source.DOCKER;
        }

    }

    static final class LocalServer implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return PostgresAvailability.source() == PostgresAvailability.Source.LOCAL_SERVER;
        }

    }

}
