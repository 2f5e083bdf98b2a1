package dev.llmstatus.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.llmstatus.official.OfficialComponent;
import dev.llmstatus.official.OfficialHtml;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialLevel;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.support.ScriptedSiteTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The official status page section, an official incident page and the history page in Chromium, light and dark, at
 * phone and desktop width: accessible, no sideways scrolling, the incident's answer on the first phone screen.
 * Screenshots go to target/screenshots.
 */
class OfficialPagesBrowserTests extends ScriptedSiteTests {

    private static final int PHONE_SCREEN = 844;

    private static Browser browser;

    @BeforeAll
    static void launch() {
        assumeThat(Browser.available()).as("Chromium at " + Browser.CHROMIUM).isTrue();
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void officialSectionIncidentAndHistoryPagesReadWellOnPhoneAndDesktop() throws Exception {
        anthropicWithAnOfficialIncidentAndMaintenances();
        for (boolean dark : new boolean[] { false, true }) {
            for (int width : new int[] { 390, 1280 }) {
                BrowserContext context = browser.context(new NewContextOptions().setViewportSize(width, PHONE_SCREEN)
                    .setColorScheme(dark ? ColorScheme.DARK : ColorScheme.LIGHT));
                context.clock().setFixedTime(this.clock.instant().toEpochMilli());
                Page page = context.newPage();
                for (String path : List.of("/status/anthropic", "/status/anthropic/incidents/o-inc-open",
                        "/status/anthropic/history")) {
                    page.navigate("http://localhost:" + this.port + path);
                    List<String> serious = new AxeBuilder(page).analyze().getViolations().stream()
                        .filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                        .map((rule) -> rule.getId() + ": " + rule.getHelp())
                        .toList();
                    assertThat(serious).as(path + (dark ? " dark" : " light") + " at " + width).isEmpty();
                    assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                        .as(path + " fits " + width + " px").isTrue();
                    if (path.contains("/incidents/")) {
                        double bottom = ((Number) page.evaluate(
                                "document.querySelector('.incident-page .headline').getBoundingClientRect().bottom"))
                            .doubleValue();
                        assertThat(bottom).as("the incident's answer ends on the first screen")
                            .isLessThanOrEqualTo(PHONE_SCREEN);
                    }
                    Files.createDirectories(Path.of("target", "screenshots"));
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(Path.of("target",
                            "screenshots", "official" + path.replace('/', '-') + "-" + width + (dark ? "-dark" : "")
                                    + ".png")));
                }
                context.close();
            }
        }
    }

    private void anthropicWithAnOfficialIncidentAndMaintenances() {
        this.script.healthy(3);
        Instant now = this.clock.instant();
        OfficialIncident open = new OfficialIncident("anthropic", "inc-open", "Elevated errors on Claude API",
                OfficialLevel.DEGRADED_PERFORMANCE, "identified", now.minus(Duration.ofMinutes(40)), null,
                java.net.URI.create("https://status.claude.com/incidents/inc-open"), List.of("Claude API (api.anthropic.com)"),
                List.of(new OfficialIncident.Update("identified", OfficialHtml.clean("We found the cause: a "
                        + "<strong>bad deploy</strong>. Details on <a href=\"https://example.com/x\">the post</a>."),
                        now.minus(Duration.ofMinutes(10))),
                        new OfficialIncident.Update("investigating",
                                OfficialHtml.fromText("We are investigating elevated errors.\nMore soon."),
                                now.minus(Duration.ofMinutes(40)))));
        Instant start = now.plus(Duration.ofDays(2));
        OfficialIncident next = new OfficialIncident("anthropic", "mw-next", "Network maintenance",
                OfficialLevel.UNDER_MAINTENANCE, "scheduled", now.minus(Duration.ofDays(1)), null, null, List.of(),
                List.of(), true, start, start.plus(Duration.ofHours(2)));
        List<OfficialComponent> components = new java.util.ArrayList<>(List.of(
                OfficialComponent.of("Claude API (api.anthropic.com)", OfficialLevel.DEGRADED_PERFORMANCE),
                OfficialComponent.of("Claude Code", OfficialLevel.OPERATIONAL),
                new OfficialComponent("Regions", null, OfficialLevel.OPERATIONAL, true)));
        for (int i = 0; i < 20; i++) {
            components.add(new OfficialComponent("Region " + i, "Regions", OfficialLevel.OPERATIONAL, false));
        }
        this.history.official(new OfficialStatus("anthropic", now, OfficialLevel.DEGRADED_PERFORMANCE,
                "Minor Service Outage", components, List.of(open), List.of(next), null));
        this.engine.rebuild();
    }

}
