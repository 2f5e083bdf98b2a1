package dev.llmstatus.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.llmstatus.support.ScriptedHistoryConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = { "llmstatus.probe.enabled=false", "llmstatus.status.rebuild-interval=1h",
        "llmstatus.reports.prune-batch-size=2" })
@Import(ScriptedHistoryConfiguration.class)
class ReportRetentionIntegrationTests {

    @Autowired
    ReportRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reportsOlderThanTheRetentionAreDeletedInBatchesAndNewerOnesKept() {
        Instant now = Instant.parse("2026-11-23T12:00:00Z");
        for (int i = 0; i < 5; i++) {
            insert(now.minus(Duration.ofDays(31)).plusSeconds(i));
        }
        insert(now.minus(Duration.ofDays(29)));
        insert(now.minus(Duration.ofMinutes(5)));
        assertThat(this.retention.pruneBefore(now.minus(Duration.ofDays(30)))).isEqualTo(5);
        assertThat(this.jdbc.queryForObject("select count(*) from community_report where provider = 'retention-test'",
                Integer.class)).isEqualTo(2);
    }

    private void insert(Instant at) {
        this.jdbc.update("insert into community_report (provider, report_type, reporter, created_at, bucket) "
                + "values ('retention-test', 'OTHER', 'r', ?, ?)", at.atOffset(ZoneOffset.UTC),
                Math.floorDiv(at.getEpochSecond(), 300));
    }

}
