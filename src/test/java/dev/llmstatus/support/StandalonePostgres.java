package dev.llmstatus.support;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL database for tests that start their own application contexts (several instances on one database):
 * a fresh container where Docker answers, otherwise the server named by {@code LLMSTATUS_TEST_POSTGRES_URL}. Use
 * with {@link PostgresAvailability}, which skips the test when there is neither.
 *
 * @param url the JDBC URL
 * @param user the user name
 * @param password the password
 */
public record StandalonePostgres(String url, String user, String password, PostgreSQLContainer container)
        implements AutoCloseable {

    public static StandalonePostgres start() {
        if (PostgresAvailability.source() == PostgresAvailability.Source.DOCKER) {
            PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"));
            container.start();
            return new StandalonePostgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
                    container);
        }
        return new StandalonePostgres(System.getenv("LLMSTATUS_TEST_POSTGRES_URL"),
                System.getenv().getOrDefault("LLMSTATUS_TEST_POSTGRES_USER", "llmstatus"),
                System.getenv().getOrDefault("LLMSTATUS_TEST_POSTGRES_PASSWORD", "llmstatus"), null);
    }

    /** Command-line arguments that point an application at this database. */
    public String[] arguments() {
        return new String[] { "--spring.datasource.url=" + this.url, "--spring.datasource.username=" + this.user,
                "--spring.datasource.password=" + this.password };
    }

    @Override
    public void close() {
        if (this.container != null) {
            this.container.stop();
        }
    }

}
