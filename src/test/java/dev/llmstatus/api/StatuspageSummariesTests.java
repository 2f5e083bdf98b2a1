package dev.llmstatus.api;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.status.Status;

import static org.assertj.core.api.Assertions.assertThat;

class StatuspageSummariesTests {

    @ParameterizedTest
    @CsvSource({ "OPERATIONAL, operational, none, none", "MAINTENANCE, under_maintenance, maintenance, maintenance",
            "DEGRADED, degraded_performance, minor, minor", "PARTIAL_OUTAGE, partial_outage, major, major",
            "MAJOR_OUTAGE, major_outage, critical, critical", "UNKNOWN, unknown, unknown, none" })
    void levelsMapOntoStatuspageWordsAndUnknownIsNeverOperational(Status level, String component, String indicator,
            String impact) {
        assertThat(StatuspageSummaries.componentStatus(level)).isEqualTo(component);
        assertThat(StatuspageSummaries.indicator(level)).isEqualTo(indicator);
        assertThat(StatuspageSummaries.impact(level)).as("an incident's impact").isEqualTo(impact);
    }

    @Test
    void timestampsAreIsoWithMillisecondsAndAnOffset() {
        Instant instant = Instant.parse("2026-11-23T12:00:00Z");
        assertThat(StatuspageSummaries.timestamp(instant)).isEqualTo("2026-11-23T12:00:00.000Z");
        assertThat(OffsetDateTime.parse(StatuspageSummaries.timestamp(instant)).toInstant()).isEqualTo(instant);
        assertThat(StatuspageSummaries.timestamp(null)).isNull();
    }

}
