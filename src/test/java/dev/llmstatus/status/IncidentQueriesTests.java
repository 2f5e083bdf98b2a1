package dev.llmstatus.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident queries on the real schema: which incidents a snapshot loads, one month of a provider's history, and
 * where its history begins; timelines come with them, newest update first.
 */
@DataJpaTest
class IncidentQueriesTests {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Autowired
    IncidentRepository incidents;

    @Autowired
    EntityManager entityManager;

    @Test
    void recentMeansOpenOrStartedOrEndedSinceWithTheirTimelines() {
        Instant since = NOW.minus(Duration.ofDays(7));
        Incident open = incident("acme", "Open for a month", NOW.minus(Duration.ofDays(30)), null);
        open.post(NOW.minus(Duration.ofDays(30)), Status.DEGRADED, "slow");
        open.post(NOW.minus(Duration.ofDays(1)), Status.MAJOR_OUTAGE, "down");
        incident("acme", "Ended within the week", NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(6)));
        incident("acme", "Started within the week", NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1)));
        incident("acme", "Over before the week", NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(19)));
        flushAndClear();
        List<Incident> recent = this.incidents.findRecent(since);
        assertThat(recent).extracting(Incident::getTitle)
            .containsExactly("Started within the week", "Ended within the week", "Open for a month");
        Incident loaded = recent.get(2);
        assertThat(loaded.getUpdates()).extracting(IncidentUpdate::getMessage).containsExactly("down", "slow");
        assertThat(this.incidents.findByResolvedAtIsNull()).extracting(Incident::getTitle)
            .containsExactly("Open for a month");
    }

    @Test
    void oneMonthOfOneProviderIsHalfOpenNewestFirstAndTheHistoryStartIsItsFirstIncident() {
        Instant november = Instant.parse("2026-11-01T00:00:00Z");
        Instant december = Instant.parse("2026-12-01T00:00:00Z");
        incident("acme", "First of November", november, november.plusSeconds(600));
        incident("acme", "Last second of October", november.minusSeconds(1), november.plusSeconds(60));
        incident("acme", "Late November", december.minusSeconds(60), null);
        incident("acme", "First of December", december, null);
        incident("other", "Other provider", november.plusSeconds(3600), null);
        flushAndClear();
        assertThat(this.incidents.findStarted("acme", november, december)).extracting(Incident::getTitle)
            .containsExactly("Late November", "First of November");
        assertThat(this.incidents.firstStarted("acme")).isEqualTo(november.minusSeconds(1));
        assertThat(this.incidents.firstStarted("nobody")).isNull();
    }

    private Incident incident(String provider, String title, Instant start, Instant end) {
        Incident incident = new Incident(provider, title, Status.PARTIAL_OUTAGE, List.of("API"), start);
        if (end != null) {
            incident.resolve(end);
        }
        return this.incidents.save(incident);
    }

    private void flushAndClear() {
        this.entityManager.flush();
        this.entityManager.clear();
    }

}
