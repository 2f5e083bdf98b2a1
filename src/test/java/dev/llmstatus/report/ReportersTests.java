package dev.llmstatus.report;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ReportersTests {

    private static final Instant NOW = Instant.parse("2026-11-23T23:59:00Z");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "0:0:0:0:0:0:0:1   | 0:0:0:0:0:0:0:1",
            "::1               | 0:0:0:0:0:0:0:1",
            "[2001:db8::5]     | 2001:db8:0:0:0:0:0:5",
            "203.0.113.9       | 203.0.113.9",
            "not-an-address    | not-an-address" })
    void eachAddressHasOneSpellingSoThatItIsOnePerson(String address, String canonical) {
        assertThat(Reporters.canonical(address)).isEqualTo(canonical);
        Reporters reporters = new Reporters(ReportProperties.defaults());
        assertThat(reporters.identify(address, NOW)).isEqualTo(reporters.hash(canonical, NOW));
    }

    @Test
    void hashIsStableWithinAUtcDayAndUnrelatedTheNextDay() {
        Reporters reporters = new Reporters(ReportProperties.defaults());
        String today = reporters.hash("203.0.113.9", NOW);
        assertThat(today).hasSize(64)
            .doesNotContain("203.0")
            .isEqualTo(reporters.hash("203.0.113.9", NOW.minus(Duration.ofHours(23))));
        assertThat(reporters.hash("203.0.113.10", NOW)).isNotEqualTo(today);
        assertThat(reporters.hash("203.0.113.9", NOW.plus(Duration.ofMinutes(2)))).isNotEqualTo(today);
    }

    @Test
    void withoutASecretEachInstanceHasItsOwnRandomSalt() {
        assertThat(new Reporters(ReportProperties.defaults()).hash("203.0.113.9", NOW))
            .isNotEqualTo(new Reporters(ReportProperties.defaults()).hash("203.0.113.9", NOW));
    }

    @Test
    void withASharedSecretInstancesAgreeButTheSaltStillChangesDaily() {
        ReportProperties shared = new ReportProperties(Duration.ofMinutes(10), 5, "s3cret", 1000, 5, 3,
                Duration.ofDays(30), Duration.ofHours(1), 5000, false);
        Reporters one = new Reporters(shared);
        Reporters two = new Reporters(shared);
        assertThat(one.hash("203.0.113.9", NOW)).isEqualTo(two.hash("203.0.113.9", NOW));
        assertThat(one.hash("203.0.113.9", NOW.plus(Duration.ofDays(1))))
            .isEqualTo(two.hash("203.0.113.9", NOW.plus(Duration.ofDays(1))))
            .isNotEqualTo(one.hash("203.0.113.9", NOW));
    }

}
