package dev.llmstatus.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Decides where PostgreSQL tests get their database, once per JVM.
 */
public final class PostgresAvailability implements ExecutionCondition {

    public enum Source {

        DOCKER, LOCAL_SERVER, NONE

    }

    private static volatile Source source;

    public static Source source() {
        Source current = source;
        if (current == null) {
            synchronized (PostgresAvailability.class) {
                current = source;
                if (current == null) {
                    current = detect();
                    source = current;
                }
            }
        }
        return current;
    }

    private static Source detect() {
        if (dockerAvailable()) {
            return Source.DOCKER;
        }
        String url = System.getenv("LLMSTATUS_TEST_POSTGRES_URL");
        return (url != null && !url.isBlank()) ? Source.LOCAL_SERVER : Source.NONE;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError ex) {
            return false;
        }
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return switch (source()) {
            case DOCKER -> ConditionEvaluationResult.enabled("PostgreSQL from Testcontainers");
            case LOCAL_SERVER -> ConditionEvaluationResult
                .enabled("PostgreSQL at " + System.getenv("LLMSTATUS_TEST_POSTGRES_URL"));
            case NONE -> {
                String why = "no Docker engine for Testcontainers and LLMSTATUS_TEST_POSTGRES_URL is not set";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new ExtensionConfigurationException("PostgreSQL tests cannot run under CI=true: " + why);
                }
                yield ConditionEvaluationResult.disabled("PostgreSQL tests skipped: " + why
                        + " (run bash .ci/run, or export LLMSTATUS_TEST_POSTGRES_URL, _USER and _PASSWORD)");
            }
        };
    }

}
