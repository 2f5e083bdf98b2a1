package dev.llmstatus.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the prober's history and the clock with ones that tests script, and counts statements on request
 * threads. Use with {@code llmstatus.probe.enabled=false} and a long {@code llmstatus.status.rebuild-interval}, and
 * call {@code StatusEngine.rebuild()} after each step.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ScriptedHistoryConfiguration {

    public static final Instant START = Instant.parse("2026-11-23T12:00:00Z");

    @Bean
    @Primary
    InMemoryProbeHistory scriptedHistory() {
        return new InMemoryProbeHistory();
    }

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock(START);
    }

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

}
