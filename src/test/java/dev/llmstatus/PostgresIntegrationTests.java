package dev.llmstatus;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.llmstatus.support.PostgresTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "llmstatus.probe.enabled=false")
@PostgresTest
class PostgresIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void everyMigrationRanOnPostgresql() throws Exception {
        try (var connection = this.dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
        List<String> applied = jdbc.queryForList(
                "select version from flyway_schema_history where success = true and version is not null",
                String.class);
        assertThat(applied).containsExactlyInAnyOrderElementsOf(migrationVersions());
        assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success = false",
                Integer.class))
            .isZero();
    }

    /** The versions of the migration files shipped in the application, {@code V7__x.sql} giving {@code 7}. */
    private static List<String> migrationVersions() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
        assertThat(files).isNotEmpty();
        return Arrays.stream(files)
            .map((file) -> file.getFilename().substring(1, file.getFilename().indexOf("__")))
            .toList();
    }

}
