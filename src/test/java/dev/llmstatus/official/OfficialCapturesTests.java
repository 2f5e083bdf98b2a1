package dev.llmstatus.official;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The readers on data shaped like real captures of official pages (see src/test/resources/official/README.md). */
class OfficialCapturesTests {

    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    @Test
    void feedIncidentStartsAtItsFirstUpdateAndEachParagraphIsAnUpdate() {
        OfficialStatus status = feed("github-history-open.atom", "2026-07-09T07:05:00Z");
        OfficialIncident open = status.incidents().get(0);
        assertThat(open.name()).isEqualTo("Delays starting Actions runs");
        // <published> says 06:01, the newest update; the incident began with "Investigating" at 04:34.
        assertThat(open.createdAt()).isEqualTo("2026-07-09T04:34:00Z");
        assertThat(open.resolved()).isFalse();
        assertThat(open.state()).isEqualTo("investigating");
        assertThat(open.updates()).extracting(OfficialIncident.Update::state)
            .containsExactly("update", "update", "investigating");
        assertThat(open.updates()).extracting(OfficialIncident.Update::at)
            .containsExactly(Instant.parse("2026-07-09T06:01:00Z"), Instant.parse("2026-07-09T04:51:00Z"),
                    Instant.parse("2026-07-09T04:34:00Z"));
        assertThat(open.updates().get(0).text()).isEqualTo("We are continuing to work on a mitigation.");
        assertThat(open.updates().get(2).body()).doesNotContain("<small>", "<strong>", "&lt;");
        assertThat(status.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
    }

    @Test
    void resolvedFeedIncidentEndsWhenItWasResolved() {
        OfficialIncident resolved = feed("github-history-open.atom", "2026-07-09T07:05:00Z").incidents()
            .stream()
            .filter((incident) -> incident.name().startsWith("Actions and Codespaces APIs"))
            .findFirst()
            .orElseThrow();
        assertThat(resolved.resolvedAt()).isEqualTo("2026-07-07T16:17:00Z");
        assertThat(resolved.state()).isEqualTo("resolved");
        assertThat(resolved.createdAt()).isBefore(resolved.resolvedAt());
        assertThat(resolved.updates().get(resolved.updates().size() - 1).at()).isEqualTo(resolved.createdAt());
    }

    @Test
    void announcedMaintenanceIsUpcomingMaintenanceNotAnIncident() {
        OfficialStatus status = feed("github-history-scheduled.atom", "2025-05-27T22:30:00Z");
        assertThat(status.incidents()).extracting(OfficialIncident::name).containsExactly("Incident with Actions");
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        OfficialIncident next = status.upcomingMaintenances().get(0);
        assertThat(next.name()).isEqualTo("Codespaces Scheduled Maintenance");
        assertThat(next.scheduledFor()).isEqualTo("2025-05-28T16:30:00Z");
        assertThat(next.scheduledUntil()).isEqualTo("2025-05-29T16:30:00Z");
        assertThat(next.inProgress()).isFalse();
        assertThat(status.maintenances()).filteredOn(OfficialIncident::resolved).singleElement()
            .satisfies((done) -> assertThat(done.state()).isEqualTo("completed"));
    }

    @Test
    void maintenanceInProgressIsTheOnlyMaintenanceLevel() {
        OfficialStatus status = feed("github-history-inprogress.atom", "2025-05-30T03:55:00Z");
        assertThat(status.incidents()).isEmpty();
        assertThat(status.maintenancesInProgress()).singleElement()
            .satisfies((maintenance) -> assertThat(maintenance.state()).isEqualTo("in_progress"));
        assertThat(status.overall()).isEqualTo(OfficialLevel.UNDER_MAINTENANCE);
    }

    @Test
    void rssItemsSharingAGuidAreOneIncidentNamingEveryComponent() {
        OfficialStatus status = feed("xai-feed.xml", "2026-10-07T12:00:00Z");
        assertThat(status.incidents()).hasSize(2);
        OfficialIncident outage = status.incidents()
            .stream()
            .filter((incident) -> incident.externalId().equals("INC578e0bc8"))
            .findFirst()
            .orElseThrow();
        assertThat(outage.name()).isEqualTo("Outages across API, Grok.com, and Grok Build");
        assertThat(outage.components()).containsExactlyInAnyOrder("Global (api.x.ai)", "US (us.api.x.ai)",
                "Grok (Build)", "grok.com");
        assertThat(outage.impact()).isEqualTo(OfficialLevel.MAJOR_OUTAGE);
        assertThat(outage.resolved()).isTrue();
        assertThat(outage.createdAt()).isEqualTo(outage.updates().get(outage.updates().size() - 1).at());
        assertThat(outage.updates()).doesNotHaveDuplicates();
        assertThat(outage.publicId()).isEqualTo("INC578e0bc8");
    }

    @Test
    void feedWithoutUpdateTimesKeepsItsParagraphsAndKnowsMaintenance() {
        OfficialStatus status = feed("datocms-history.atom", "2026-09-30T17:00:00Z");
        OfficialIncident emails = status.incidents().get(0);
        assertThat(emails.name()).isEqualTo("Issues sending emails to customers");
        assertThat(emails.updates()).extracting(OfficialIncident.Update::state)
            .containsExactly("resolved", "identified", "investigating");
        assertThat(emails.updates().get(2).text()).contains("unable to send emails", "We will post an update");
        assertThat(emails.resolved()).isTrue();
        assertThat(emails.publicId()).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(40);
        assertThat(status.maintenances()).anySatisfy((maintenance) -> {
            assertThat(maintenance.name()).contains("Scheduled database maintenance");
            assertThat(maintenance.state()).isEqualTo("completed");
        });
    }

    @Test
    void summaryHeadlineIsThePagesIndicatorNotTheWorstIncident() {
        StatuspageParser.Summary summary = StatuspageParser.summary("github", bytes("github-summary-incident.json"));
        assertThat(summary.overall()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        OfficialIncident incident = summary.unresolved().get(0);
        assertThat(incident.impact()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        // started_at (09.542) is a few milliseconds before created_at: the incident began then.
        assertThat(incident.createdAt()).isEqualTo("2022-11-25T14:39:09.542Z");
        assertThat(incident.updates()).hasSize(7);
        assertThat(summary.components()).filteredOn((c) -> c.name().equals("Packages")).singleElement()
            .satisfies((c) -> assertThat(c.level()).isEqualTo(OfficialLevel.PARTIAL_OUTAGE));
    }

    @Test
    void groupRowsKeepTheirOwnLevelAndNameTheirChildren() {
        StatuspageParser.Summary summary = StatuspageParser.summary("cloudflare", bytes("cloudflare-summary-group.json"));
        OfficialStatus status = new OfficialStatus("cloudflare", Instant.now(), summary.overall(), null,
                summary.components(), summary.unresolved(), summary.maintenances(), null);
        assertThat(status.level("Cloudflare Sites and Services")).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(status.leaves()).noneMatch(OfficialComponent::isGroup);
        assertThat(summary.maintenances()).extracting(OfficialIncident::name)
            .containsExactly("HKG (Hong Kong) on 2026-08-19", "SIN (Singapore) on 2026-08-19");
        assertThat(summary.maintenances()).allSatisfy((maintenance) -> {
            assertThat(maintenance.upcoming()).isTrue();
            assertThat(maintenance.scheduledFor()).isNotNull();
        });
    }

    @Test
    void groupWithoutItsOwnLevelIsTheWorstOfItsChildren() {
        OfficialStatus status = new OfficialStatus("p", Instant.now(), OfficialLevel.OPERATIONAL, null,
                java.util.List.of(new OfficialComponent("Europe", null, OfficialLevel.UNKNOWN, true),
                        new OfficialComponent("AMS", "Europe", OfficialLevel.OPERATIONAL, false),
                        new OfficialComponent("DUB", "Europe", OfficialLevel.PARTIAL_OUTAGE, false)),
                null, null, null);
        assertThat(status.level("Europe")).isEqualTo(OfficialLevel.PARTIAL_OUTAGE);
        assertThat(status.level("Nowhere")).isEqualTo(OfficialLevel.UNKNOWN);
    }

    @Test
    void scheduledMaintenancesAreReadWithTheOneInProgress() {
        StatuspageParser.Summary summary = StatuspageParser.summary("cloudflare",
                bytes("cloudflare-summary-maintenance.json"));
        assertThat(summary.maintenances()).hasSize(10);
        assertThat(summary.maintenances()).filteredOn(OfficialIncident::inProgress).singleElement()
            .satisfies((maintenance) -> assertThat(maintenance.name()).contains("SJC"));
        assertThat(summary.unresolved()).hasSize(2).noneMatch(OfficialIncident::maintenance);
        assertThat(summary.unresolved().get(0).updates().get(0).body()).doesNotContain("\n");
    }

    @Test
    void flashdutyPageIsReadWithItsComponentsAndHistory() {
        OfficialStatus status = FlashdutyParser.parse("deepseek", bytes("deepseek-flashduty.json"),
                URI.create("https://status.deepseek.com"), Instant.parse("2026-06-12T00:00:00Z"), LONG_AGO);
        assertThat(status.overall()).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.components()).extracting(OfficialComponent::name)
            .containsExactly("API 服务 (API Service)", "网页对话服务 (Web Chat Service)");
        assertThat(status.incidents()).hasSize(4).allMatch(OfficialIncident::resolved);
        OfficialIncident web = status.incidents()
            .stream()
            .filter((incident) -> incident.externalId().equals("6551550194287"))
            .findFirst()
            .orElseThrow();
        assertThat(web.createdAt()).isEqualTo(Instant.ofEpochSecond(1780991884L));
        assertThat(web.resolvedAt()).isEqualTo(Instant.ofEpochSecond(1780994827L));
        assertThat(web.components()).containsExactly("网页对话服务 (Web Chat Service)");
        assertThat(web.impact()).isEqualTo(OfficialLevel.DEGRADED_PERFORMANCE);
        assertThat(web.updates()).extracting(OfficialIncident.Update::state).containsExactly("resolved", "identified");
        assertThat(web.updates().get(0).body()).contains("<br>");
    }

    @Test
    void flashdutyActiveChangeSetsTheComponentAndThePage() {
        String json = new String(bytes("deepseek-flashduty.json"), StandardCharsets.UTF_8).replace(
                "\"active_changes\": []", """
                        "active_changes": [{"change_id": 999, "type": "incident", "title": "API outage",
                         "status": "investigating", "start_at_seconds": 1781000000,
                         "affected_components": [{"component_id": "01KR3NC9ETZYF436Z8YT1HM047",
                          "name": "API 服务 (API Service)", "status": "full_outage"}],
                         "updates": [{"at_seconds": 1781000000, "status": "investigating", "description": "Investigating.",
                          "component_changes": [{"component_id": "01KR3NC9ETZYF436Z8YT1HM047", "status": "full_outage"}]}]}]""");
        OfficialStatus status = FlashdutyParser.parse("deepseek", json.getBytes(StandardCharsets.UTF_8), null,
                Instant.parse("2026-06-12T00:00:00Z"), Instant.parse("2026-06-11T00:00:00Z"));
        assertThat(status.overall()).isEqualTo(OfficialLevel.MAJOR_OUTAGE);
        assertThat(status.level("API 服务 (API Service)")).isEqualTo(OfficialLevel.MAJOR_OUTAGE);
        assertThat(status.level("网页对话服务 (Web Chat Service)")).isEqualTo(OfficialLevel.OPERATIONAL);
        assertThat(status.incidents()).singleElement().satisfies((incident) -> {
            assertThat(incident.resolved()).isFalse();
            assertThat(incident.name()).isEqualTo("API outage");
        });
    }

    @Test
    void updateBodiesAreSanitizedAndLinksMarkedNofollow() {
        String html = OfficialHtml.clean("<p>See <a href=\"https://example.com/x\" onclick=\"evil()\">here</a>"
                + "<script>alert(1)</script><img src=x onerror=alert(2)></p>");
        assertThat(html).doesNotContain("script", "onclick", "onerror", "<img")
            .contains("<a href=\"https://example.com/x\" rel=\"nofollow noopener\">here</a>");
        assertThat(OfficialHtml.fromText("a <b>\nline two")).isEqualTo("a &lt;b&gt;<br>line two");
        assertThat(OfficialHtml.text("<p>one</p><p>two<br>three</p>")).isEqualTo("one\ntwo\nthree");
    }

    private static OfficialStatus feed(String name, String at) {
        Instant now = Instant.parse(at);
        return FeedParser.parse("p", bytes(name), now, now.minus(Duration.ofDays(3650)));
    }

    static byte[] bytes(String name) {
        try (InputStream in = OfficialCapturesTests.class.getResourceAsStream("/official/" + name)) {
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
