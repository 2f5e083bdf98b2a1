package dev.llmstatus;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.llmstatus.support.PostgresTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "llmstatus.probe.enabled=false")
@PostgresTest
class PostgresIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void migrationsRunOnPostgresql() throws Exception {
        try (var connection = this.dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
        Integer failed = jdbc.queryForObject("select count(*) from flyway_schema_history where success = false",
                Integer.class);
        assertThat(failed).isZero();
        assertThat(jdbc.queryForObject("select count(*) from shedlock", Integer.class)).isNotNull();
    }

}
