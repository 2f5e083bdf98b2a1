package dev.llmstatus.support;

import java.time.Instant;

import dev.llmstatus.catalog.Catalog;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

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
    ProbeScript probeScript(InMemoryProbeHistory history, MutableClock clock, Catalog catalog, JdbcTemplate jdbc) {
        return new ProbeScript(history, clock, catalog, jdbc);
    }

    @Bean
    static StatementCounter statementCounter() {
        return new StatementCounter();
    }

}
