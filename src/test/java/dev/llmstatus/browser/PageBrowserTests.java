package dev.llmstatus.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.ErrorClass;
import dev.llmstatus.probe.HourlyRollup;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.probe.ProbeResult;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.Officials;
import dev.llmstatus.support.ScriptedSiteTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The pages a developer lands on during an outage, in Chromium at phone (390 px) and desktop (1280 px) width, with
 * scripted histories: monitoring offline, an outage our probes see, an outage only the official page reports, and
 * an error page. Writes screenshots of every page kind, light and dark, under target/screenshots.
 */
class PageBrowserTests extends ScriptedSiteTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** The height of a phone's first screen at 390 px wide (an iPhone 12 to 15). */
    static final int PHONE_SCREEN = 844;

    static Browser browser;

    @BeforeAll
    static void launch() {
        assumeThat(Browser.available()).as("Chromium at " + Browser.CHROMIUM
                + " (bash .ci/run installs Debian's chromium)").isTrue();
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 390, 1280 })
    void offlineMonitorShowsUnknownOnceWithoutRedOrZeroUptime(int width) throws Exception {
        offline();
        Page page = page(width, false, true);
        for (String path : List.of("/status/stepfun", "/is-stepfun-down", "/status/openai")) {
            page.navigate(url(path));
            String text = page.locator("main").innerText();
            assertThat(page.locator("#headline").innerText()).as(path).contains("Unknown").contains("Monitoring offline");
            assertThat(count(text, "onitoring offline")).as(path + ": one banner").isEqualTo(1);
            assertThat(text).as(path).doesNotContainPattern("(?<![\\d.])0\\.00%").doesNotContain("Major outage")
                .doesNotContainPattern("\\b1 ms");
            assertThat(page.locator(".bar-maj, .bar-part, .pill.major-outage, .pill.partial-outage").count())
                .as(path + ": nothing red").isZero();
            screenshot(page, "offline" + path.replace('/', '-'), width, false);
        }
        page.context().close();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 390, 1280 })
    void outageSeenByOurProbesSaysSinceWhenOnTheFirstScreen(int width) throws Exception {
        this.script.healthy(10);
        this.script.failing(8, "stepfun");
        this.engine.rebuild();
        Page page = page(width, false, true);
        page.navigate(url("/status/stepfun"));
        String headline = page.locator("#headline").innerText();
        assertThat(headline).contains("Major outage since").contains("our probes").containsPattern("\\(\\d+ min\\)");
        assertFirstScreen(page, "#headline", ".next");
        screenshot(page, "probe-outage-status-stepfun", width, false);

        page.navigate(url("/is-stepfun-down"));
        assertThat(page.locator("#headline").innerText()).startsWith("Yes").contains("down since");
        assertFirstScreen(page, "#headline", "#next");
        screenshot(page, "probe-outage-is-stepfun-down", width, false);

        page.navigate(url("/status/stepfun/errors/503-service-unavailable"));
        assertThat(page.locator("#headline").innerText()).contains("Major outage since");
        assertFirstScreen(page, "#headline");
        page.context().close();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 390, 1280 })
    void outageOnlyTheOfficialPageReportsSaysSinceWhenItBegan(int width) throws Exception {
        this.script.healthy(10);
        Instant now = this.clock.instant();
        Instant began = now.minus(Duration.ofMinutes(25));
        this.history.official(Officials.page("openai", now, Status.MAJOR_OUTAGE, "Major outage",
                Map.of("API", Status.MAJOR_OUTAGE), List.of(Officials.incident("openai", "inc-1",
                        "Elevated errors on the API", Status.MAJOR_OUTAGE, "investigating", began, null, null,
                        List.of("API"), List.of())),
                null));
        this.engine.rebuild();
        Page page = page(width, false, true);
        for (String path : List.of("/status/openai", "/is-openai-down",
                "/status/openai/errors/500-internal-server-error")) {
            page.navigate(url(path));
            String headline = page.locator("#headline").innerText();
            assertThat(headline).as(path).contains("Major outage").contains("official status page");
            assertThat(headline).as(path).containsAnyOf("since", "Since");
            if (path.startsWith("/is-")) {
                assertThat(headline).as(path).contains("since 23 Nov 2026, 11:45 UTC");
            }
            else {
                assertThat(page.locator("#headline time[data-since]").getAttribute("datetime")).as(path)
                    .isEqualTo(began.toString());
            }
            assertFirstScreen(page, "#headline");
        }
        page.navigate(url("/status/openai"));
        screenshot(page, "official-outage-status-openai", width, false);
        page.context().close();
    }

    @ParameterizedTest(name = "{0} px")
    @ValueSource(ints = { 390, 1280 })
    void errorPageShowsTheFixEarlyAndStaysShort(int width) throws Exception {
        this.script.healthy(10);
        this.engine.rebuild();
        Page page = page(width, false, true);
        page.navigate(url("/status/stepfun/errors/429-rate-limit-exceeded"));
        double fixTop = ((Number) page.evaluate("document.getElementById('fix').getBoundingClientRect().top"
                + " + window.scrollY")).doubleValue();
        double height = ((Number) page.evaluate("document.documentElement.scrollHeight")).doubleValue();
        System.out.printf("error page at %d px: \"How to fix it\" at %.0f px, page %.0f px high%n", width, fixTop,
                height);
        assertThat(page.locator("#fix").innerText()).isEqualTo("How to fix it");
        if (width == 390) {
            assertThat(fixTop).isLessThan(2500);
            assertThat(height).isLessThan(8000);
        }
        // Fix steps come before the retry code, which is folded with one language open.
        double retryTop = ((Number) page.evaluate("document.getElementById('retry').getBoundingClientRect().top"
                + " + window.scrollY")).doubleValue();
        assertThat(retryTop).isGreaterThan(fixTop);
        assertThat(page.locator("details[open] pre").count()).isEqualTo(1);
        page.locator("details summary:text-is('Java')").click();
        assertThat(page.locator("details[open] pre").count()).as("one language open at a time").isEqualTo(1);
        assertThat(page.locator("details[open] summary").innerText()).isEqualTo("Java");
        page.context().close();
    }

    @Test
    void pagesAreAccessibleInLightAndDarkModeAndChartLabelsReadableOnAPhone() throws Exception {
        this.script.healthy(30);
        this.script.failing(4, "stepfun/api");
        this.engine.rebuild();
        for (boolean dark : new boolean[] { false, true }) {
            for (int width : new int[] { 390, 1280 }) {
                Page page = page(width, dark, true);
                for (String path : List.of("/", "/status/stepfun", "/is-stepfun-down", "/status/stepfun/errors",
                        "/status/stepfun/errors/429-rate-limit-exceeded", "/errors", "/errors/429-rate-limit-exceeded",
                        "/errors/lookup?q=429", "/status/no-such-provider")) {
                    page.navigate(url(path));
                    List<String> serious = new AxeBuilder(page).analyze().getViolations().stream()
                        .filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())
                                || "scrollable-region-focusable".equals(rule.getId()))
                        .map(PageBrowserTests::describe)
                        .toList();
                    assertThat(serious).as(path + (dark ? " dark" : " light") + " at " + width).isEmpty();
                    assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                        .as(path + " fits " + width + " px without scrolling sideways").isTrue();
                    if (width == 390) {
                        assertThat(smallestChartLabel(page)).as(path + ": chart labels on a phone")
                            .isGreaterThanOrEqualTo(12.0);
                    }
                    screenshot(page, name(path), width, dark);
                }
                page.context().close();
            }
        }
    }

    @Test
    void withoutJavaScriptTheAnswerTimesAndTheFilterStillWork() throws Exception {
        this.script.healthy(10);
        this.engine.rebuild();
        Page page = page(390, false, false);
        page.navigate(url("/status/stepfun"));
        assertThat(page.locator("#headline").innerText()).contains("Operational").contains("UTC");
        page.navigate(url("/"));
        page.locator("#filter").fill("stepf");
        page.locator(".filter button").click();
        page.waitForURL("**/?q=stepf");
        assertThat(page.locator("#services .service").count()).isEqualTo(1);
        assertThat(page.locator("#services").innerText()).contains("StepFun");
        page.navigate(url("/?q=zzzzz"));
        assertThat(page.locator("main").innerText()).contains("No provider matches");
        screenshot(page, "no-js-filter", 390, false);
        page.context().close();

        // With JavaScript: times move to "ago" and the local zone, and the filter narrows the list as one types.
        Page live = page(390, false, true);
        live.navigate(url("/"));
        assertThat(live.locator("time[data-ago]").first().innerText()).endsWith("ago");
        live.locator("#filter").fill("stepf");
        assertThat(live.locator("#services .service:visible").count()).isEqualTo(1);
        live.locator("#filter").fill("zzzzz");
        assertThat(live.locator("[data-filter-none]").isVisible()).isTrue();
        live.context().close();
    }

    private void offline() {
        Provider[] providers = this.catalog.providers().toArray(Provider[]::new);
        List<String> all = new ArrayList<>();
        for (Provider provider : providers) {
            all.add(provider.slug());
        }
        this.script.healthy(5);
        ProbeResult dns = new ProbeResult(null, null, null, Duration.ofMillis(1), null, Outcome.DOWN, ErrorClass.DNS,
                null, null, null, List.of(), "DNS lookup failed");
        this.script.answering(30, dns, all.toArray(String[]::new));
        // Yesterday, a whole day the monitor could not see anyone: rolled up, it has no checks that saw a provider.
        List<HourlyRollup> rollups = new ArrayList<>();
        Instant yesterday = this.clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        for (Provider provider : providers) {
            for (Component component : provider.components()) {
                for (int h = 0; h < 24; h++) {
                    rollups.add(new HourlyRollup(provider.slug(), component.key(), yesterday.plus(Duration.ofHours(h)),
                            0, 0, 0, 0, 0));
                }
            }
        }
        this.history.addRollups(rollups);
        this.history.monitor(new MonitorState(true, this.clock.instant().minus(Duration.ofMinutes(30)),
                this.clock.instant()));
        this.engine.rebuild();
    }

    private Page page(int width, boolean dark, boolean javaScript) {
        BrowserContext context = browser.context(new NewContextOptions().setViewportSize(width, PHONE_SCREEN)
            .setColorScheme(dark ? ColorScheme.DARK : ColorScheme.LIGHT)
            .setJavaScriptEnabled(javaScript)
            .setTimezoneId("Asia/Shanghai"));
        // The browser's clock reads the scripted one, so that "x min ago" is measured against the same now.
        context.clock().setFixedTime(this.clock.instant().toEpochMilli());
        return context.newPage();
    }

    private String url(String path) {
        return "http://localhost:" + this.port + path;
    }

    /** Each selector's element ends within the first phone screen (at 1280 px, within the first 900 px). */
    private static void assertFirstScreen(Page page, String... selectors) {
        double screen = ((Number) page.evaluate("window.innerHeight")).doubleValue();
        for (String selector : selectors) {
            double bottom = ((Number) page.evaluate("(s) => { const r = document.querySelector(s)"
                    + ".getBoundingClientRect(); return r.bottom + window.scrollY; }", selector)).doubleValue();
            assertThat(bottom).as(selector + " ends on the first screen").isLessThanOrEqualTo(screen);
        }
    }

    /** The smallest on-screen size of any chart label, in CSS pixels (SVG text scales with its chart). */
    private static double smallestChartLabel(Page page) {
        Object smallest = page.evaluate("() => { let min = 1000; document.querySelectorAll('svg .chart-label')"
                + ".forEach((t) => { const svg = t.ownerSVGElement; const shown = svg.getBoundingClientRect().width;"
                + " if (shown === 0) { return; } const scale = shown / svg.viewBox.baseVal.width;"
                + " min = Math.min(min, parseFloat(getComputedStyle(t).fontSize) * scale); }); return min; }");
        return ((Number) smallest).doubleValue();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static String name(String path) {
        String name = path.equals("/") ? "home" : path.substring(1).replace('/', '-').replace('?', '-')
            .replace('=', '-');
        return name;
    }

    private static void screenshot(Page page, String name, int width, boolean dark) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + "-" + width + (dark ? "-dark" : "") + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        assertThat(Files.size(file)).isPositive();
        // The first screen alone: what a visitor sees before scrolling.
        page.screenshot(new Page.ScreenshotOptions()
            .setPath(SCREENSHOTS.resolve(name + "-" + width + (dark ? "-dark" : "") + "-first.png")));
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
    }

}
