package dev.llmstatus.official;

import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.llmstatus.status.Status;
import dev.llmstatus.support.Officials;
import dev.llmstatus.support.PostgresTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Official readings on PostgreSQL: upserted incidents, maintenances, groups, and the page's own words. */
@SpringBootTest(properties = "llmstatus.probe.enabled=false")
@PostgresTest
class OfficialPagesPostgresIntegrationTests {

    @Autowired
    OfficialPages pages;

    @Autowired
    JdbcTemplate jdbc;

    private final String slug = "pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @Test
    void officialIncidentsAreUpsertedByProviderAndExternalId() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OfficialIncident open = Officials.incident(this.slug, "inc-1", "Errors", Status.PARTIAL_OUTAGE,
                "investigating", now.minusSeconds(600), null, URI.create("https://status.example/incidents/1"),
                List.of("API"), List.of(new OfficialIncident.Update("investigating", "Looking.", now.minusSeconds(600))));
        this.pages.save(List.of(Officials.page(this.slug, now, Status.PARTIAL_OUTAGE, "Partial outage",
                Map.of("API", Status.PARTIAL_OUTAGE), List.of(open), null)));
        OfficialIncident updated = Officials.incident(this.slug, "inc-1", "Errors", Status.PARTIAL_OUTAGE,
                "identified", open.createdAt(), null, open.link(), List.of("API"),
                List.of(new OfficialIncident.Update("identified", "Found it.", now), open.updates().get(0)));
        this.pages.save(List.of(Officials.page(this.slug, now.plusSeconds(1), Status.PARTIAL_OUTAGE, null,
                Map.of("API", Status.PARTIAL_OUTAGE), List.of(updated), null)));
        assertThat(this.jdbc.queryForObject("select count(*) from official_incident where provider = ?",
                Integer.class, this.slug)).isEqualTo(1);
        assertThat(latest().incidents()).singleElement().satisfies((incident) -> {
            assertThat(incident.state()).isEqualTo("identified");
            assertThat(incident.impact()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
            assertThat(incident.updates()).extracting(OfficialIncident.Update::body)
                .containsExactly("Found it.", "Looking.");
        });
        this.pages.save(List.of(Officials.page(this.slug, now.plusSeconds(2), Status.OPERATIONAL, null,
                Map.of("API", Status.OPERATIONAL), List.of(), null)));
        assertThat(latest().incidents()).singleElement()
            .satisfies((incident) -> assertThat(incident.resolved()).isTrue());
    }

    @Test
    void maintenancesAndGroupsKeepThePagesOwnWords() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OfficialIncident window = new OfficialIncident(this.slug, "mw-1", "SJC maintenance",
                OfficialLevel.UNDER_MAINTENANCE, "in_progress", now.minusSeconds(3600), null, null, List.of("SJC"),
                List.of(new OfficialIncident.Update("in_progress", "Started.", now.minusSeconds(60))), true,
                now.minusSeconds(60), now.plusSeconds(3600));
        this.pages.save(List.of(new OfficialStatus(this.slug, now, OfficialLevel.DEGRADED_PERFORMANCE, "Minor",
                List.of(new OfficialComponent("North America", null, OfficialLevel.OPERATIONAL, true),
                        new OfficialComponent("SJC", "North America", OfficialLevel.UNDER_MAINTENANCE, false)),
                List.of(), List.of(window), null)));
        OfficialStatus latest = latest();
        assertThat(latest.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(latest.incidents()).isEmpty();
        assertThat(latest.maintenances()).singleElement().satisfies((maintenance) -> {
            assertThat(maintenance.inProgress()).isTrue();
            assertThat(maintenance.scheduledUntil()).isEqualTo(now.plusSeconds(3600));
        });
        assertThat(latest.level("North America")).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(latest.leaves()).singleElement()
            .satisfies((component) -> assertThat(component.group()).isEqualTo("North America"));
        // A page that stops listing the maintenance has completed it.
        this.pages.save(List.of(new OfficialStatus(this.slug, now.plusSeconds(5), OfficialLevel.OPERATIONAL, null,
                List.of(), List.of(), List.of(), null)));
        assertThat(latest().maintenances()).singleElement()
            .satisfies((maintenance) -> assertThat(maintenance.state()).isEqualTo("completed"));
    }

    private OfficialStatus latest() {
        return this.pages.latestOfficial()
            .stream()
            .filter((s) -> s.provider().equals(this.slug))
            .findFirst()
            .orElseThrow();
    }

}
