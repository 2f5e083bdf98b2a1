package dev.llmstatus.report;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import dev.llmstatus.support.PostgresTest;
import dev.llmstatus.support.ScriptedHistoryConfiguration;

import org.springframework.context.annotation.Import;

/**
 * The report flow on PostgreSQL. The database outlives the run, so this run takes a random stretch of time far from
 * any other's.
 */
@PostgresTest
@Import({ ScriptedHistoryConfiguration.class, SwitchableDatabase.class })
class ReportPagesPostgresIntegrationTests extends AbstractReportPagesIntegrationTests {

    private static final Instant EPOCH = ScriptedHistoryConfiguration.START
        .plus(Duration.ofDays(3650L * ThreadLocalRandom.current().nextInt(1, 10_000)));

    @Override
    Instant epoch() {
        return EPOCH;
    }

}
