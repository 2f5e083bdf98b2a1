package dev.llmstatus.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.probe.SimulatedCatalog;
import dev.llmstatus.probe.SimulatedModel;
import dev.llmstatus.probe.SimulatedModel.Wire;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A model problem on the dashboard, in a real browser: the prober checks a simulated provider whose front door
 * answers normally while one of its two models fails with HTTP 503, and the provider's row on {@code /} says so,
 * naming the model, on the first phone screen. Writes screenshots of the dashboard, light and dark, under
 * target/screenshots. The context is closed afterwards: its model checks run every second and would otherwise go on
 * in the background of later test classes.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ModelProblemBrowserTests {

    static final ProviderSimulator simulator = ProviderSimulator.start();

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Browser browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void catalog(DynamicPropertyRegistry registry) throws Exception {
        simulator.set("/deepseek/v1/models", Behaviour.status(401))
            .set("/deepseek/chat/completions", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)))
            .set("/deepseek/reasoner/chat/completions", Behaviour.status(503))
            .set("/acme/v1/models", Behaviour.status(401));
        Duration interval = Duration.ofSeconds(1);
        Path file = Files.createTempDirectory("model-browser").resolve("providers.yml");
        new SimulatedCatalog(Duration.ofSeconds(1), Duration.ofMillis(800), Duration.ofMillis(600))
            .provider("deepseek", "DeepSeek", simulator.uri("/deepseek"))
            .component("api", "API", simulator.uri("/deepseek/v1/models"), 401)
            .model("deepseek-chat", "DeepSeek Chat", "openai-chat", simulator.uri("/deepseek/chat/completions"),
                    "SIM_MODEL_KEY", interval, interval, Duration.ofMillis(900), 1)
            .model("deepseek-reasoner", "DeepSeek Reasoner", "openai-chat",
                    simulator.uri("/deepseek/reasoner/chat/completions"), "SIM_MODEL_KEY", interval,
                    interval, Duration.ofMillis(900), 1)
            .provider("acme", "Acme AI", simulator.uri("/acme"))
            .component("api", "API", simulator.uri("/acme/v1/models"), 401)
            .write(file);
        registry.add("llmstatus.catalog.location", () -> "file:" + file);
        registry.add("SIM_MODEL_KEY", () -> "sk-sim-browser-0000000000000000");
        registry.add("llmstatus.probe.jitter", () -> "200ms");
        registry.add("llmstatus.probe.flush-interval", () -> "200ms");
        registry.add("llmstatus.models.flush-interval", () -> "200ms");
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
    void aFailingModelShowsOnItsProvidersDashboardRowNamingTheModel() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        for (boolean dark : new boolean[] { false, true }) {
            for (int width : new int[] { 390, 1280 }) {
                Page page = browser.context(new NewContextOptions().setViewportSize(width, 844)
                    .setColorScheme(dark ? ColorScheme.DARK : ColorScheme.LIGHT)).newPage();
                Locator row = waitForRow(page, "deepseek",
                        (text) -> text.contains("deepseek-reasoner failing: HTTP 503"));
                String text = row.innerText();
                assertThat(text).contains("DeepSeek", "Partial outage").containsPattern(
                        "deepseek-reasoner failing: HTTP 503 service_unavailable for \\d+ (s|min)");
                // Problems first: the row is the first one, and it ends on the first phone screen.
                assertThat(page.locator(".service-list .service").first().innerText()).contains("DeepSeek");
                double bottom = ((Number) row.evaluate("(e) => e.getBoundingClientRect().bottom + window.scrollY"))
                    .doubleValue();
                assertThat(bottom).as("the row ends on the first screen").isLessThanOrEqualTo(844);
                assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("fits " + width + " px without horizontal scrolling").isTrue();
                String name = "home-model-problem-" + width + (dark ? "-dark" : "");
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png"))
                    .setFullPage(true));
                page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-first.png")));
                page.context().close();
            }
        }
    }

    /** Reloads the dashboard until the provider's row satisfies the condition; bounded, so a broken chain fails. */
    private Locator waitForRow(Page page, String slug, java.util.function.Predicate<String> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String text = "";
        while (Instant.now().isBefore(deadline)) {
            page.navigate("http://localhost:" + this.port + "/");
            Locator row = page.locator(".service-list .service").filter(new Locator.FilterOptions()
                .setHas(page.locator("a.name[href='/status/" + slug + "']")));
            if (row.count() == 1) {
                text = row.innerText();
                if (condition.test(text)) {
                    return row;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the row never reached the expected state; last text:\n" + text);
    }

}
