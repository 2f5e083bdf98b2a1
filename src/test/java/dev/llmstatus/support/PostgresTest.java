package dev.llmstatus.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a Spring test against a real PostgreSQL: a Testcontainers one where a Docker engine answers, otherwise the
 * server named by {@code LLMSTATUS_TEST_POSTGRES_URL}. With neither, the test is skipped with the reason, except
 * under {@code CI=true}, where that is a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(PostgresAvailability.class)
@Import(PostgresTestConfiguration.class)
@ActiveProfiles("postgres")
public @interface PostgresTest {
}
