package dev.llmstatus.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.probe.SimulatedCatalog;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The whole chain in a real browser: the prober probes a local simulator, the engine folds the results into
 * snapshots, and Chromium watches the provider page turn to an outage and back, with the incident and its duration.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class OutageBrowserTests {

    static final ProviderSimulator simulator = ProviderSimulator.start();

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) throws Exception {
        simulator.set("/stepfun/v1/models", Behaviour.status(401))
            .set("/stepfun/web", Behaviour.status(200, "text/html", "<html></html>"))
            .set("/spark/v1/chat/completions", Behaviour.status(401))
            .set("/acme/v1/models", Behaviour.status(401));
        Path file = Files.createTempDirectory("browser-it").resolve("providers.yml");
        new SimulatedCatalog(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofMillis(600))
            .provider("stepfun", "StepFun", simulator.uri("/stepfun"))
            .component("api", "API", simulator.uri("/stepfun/v1/models"), 401)
            .component("web", "Open Platform", simulator.uri("/stepfun/web"), 200)
            .provider("iflytek-spark", "iFlytek Spark", simulator.uri("/spark"))
            .component("api", "API", simulator.uri("/spark/v1/chat/completions"), 401)
            .provider("acme", "Acme AI", simulator.uri("/acme"))
            .component("api", "API", simulator.uri("/acme/v1/models"), 401)
            .write(file);
        registry.add("llmstatus.catalog.location", () -> "file:" + file);
        registry.add("llmstatus.probe.jitter", () -> "200ms");
        registry.add("llmstatus.probe.self-check-interval", () -> "1s");
        registry.add("llmstatus.probe.flush-interval", () -> "200ms");
        registry.add("llmstatus.status.rebuild-interval", () -> "300ms");
    }

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
        simulator.close();
    }

    @Test
    void providerPageTurnsToAnOutageAndBackAndShowsTheIncidentWithItsDuration() throws Exception {
        Page page = browser.page(1280, 900);
        String url = "http://localhost:" + this.port + "/status/stepfun";
        waitFor(page, url, (text) -> text.contains("Operational") && text.contains("answering normally"));

        simulator.set("/stepfun/v1/models", Behaviour.status(503));
        String outage = waitFor(page, url, (text) -> text.contains("Partial outage")
                && text.contains("API front door failing"));
        assertThat(outage).containsIgnoringCase("Detected by LLM Status").contains("Ongoing");

        simulator.set("/stepfun/v1/models", Behaviour.status(401));
        String recovered = waitFor(page, url, (text) -> text.contains("Resolved") && text.contains("Lasted"));
        assertThat(page.locator("#headline").innerText()).contains("Operational");
        assertThat(recovered).contains("StepFun: partial outage of API");
        assertThat(page.locator(".incident .duration").first().innerText()).matches("Lasted \\d+ s|Lasted \\d+ min.*");
        page.context().close();
    }

    @Test
    void dashboardAndProviderPageHaveNoSeriousAccessibilityViolations() {
        Page page = browser.page(1280, 900);
        for (String path : List.of("/", "/status/stepfun", "/is-stepfun-down")) {
            page.navigate("http://localhost:" + this.port + path);
            AxeResults results = new AxeBuilder(page).analyze();
            List<String> serious = results.getViolations().stream()
                .filter((rule) -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(OutageBrowserTests::describe)
                .toList();
            assertThat(serious).as(path).isEmpty();
        }
        page.context().close();
    }

    @Test
    void screenshotsAtPhoneAndDesktopWidth() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (int width : new int[] { 390, 1280 }) {
            Page page = browser.page(width, 900);
            for (String path : List.of("/", "/status/stepfun")) {
                page.navigate("http://localhost:" + this.port + path);
                String name = (path.equals("/") ? "home" : path.substring(1).replace('/', '-')) + "-" + width + ".png";
                Path file = SCREENSHOTS.resolve(name);
                page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                assertThat(Files.size(file)).isPositive();
                assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as(path + " fits " + width + " px without horizontal scrolling").isTrue();
            }
            page.context().close();
        }
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
    }

    /** Reloads until the page text satisfies the condition; bounded, so a broken chain fails instead of hanging. */
    private static String waitFor(Page page, String url, Predicate<String> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            page.navigate(url);
            text = page.locator("main").innerText();
            if (condition.test(text)) {
                return text;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("page never reached the expected state; last text:\n" + text);
    }

}
