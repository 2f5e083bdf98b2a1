package dev.llmstatus.report;

import java.time.Instant;

import dev.llmstatus.support.ScriptedHistoryConfiguration;

import org.springframework.context.annotation.Import;

/**
 * The report flow on the embedded H2 database.
 */
@Import({ ScriptedHistoryConfiguration.class, SwitchableDatabase.class })
class ReportPagesIntegrationTests extends AbstractReportPagesIntegrationTests {

    @Override
    Instant epoch() {
        return ScriptedHistoryConfiguration.START;
    }

}
