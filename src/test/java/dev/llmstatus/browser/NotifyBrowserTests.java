package dev.llmstatus.browser;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The "Get notified" form in Chromium with JavaScript off, as a visitor without it uses it: on a provider page at
 * phone and desktop width, light and dark, through to the page with the webhook's secret and the manage page.
 * Screenshots under target/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "llmstatus.probe.enabled=false",
        "llmstatus.notify.allow-private-targets=true", "llmstatus.notify.enabled=false" })
class NotifyBrowserTests {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    static Browser browser;

    @LocalServerPort
    int port;

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

    @ParameterizedTest(name = "{0} px, dark {1}")
    @CsvSource({ "390, false", "390, true", "1280, false", "1280, true" })
    void theFormSubscribesWithoutJavaScript(int width, boolean dark) throws Exception {
        Page page = browser.context(new NewContextOptions().setViewportSize(width, 900)
            .setJavaScriptEnabled(false)
            .setColorScheme(dark ? ColorScheme.DARK : ColorScheme.LIGHT)).newPage();
        page.navigate("http://localhost:" + this.port + "/status/stepfun");
        Locator section = page.locator("form.notify-form");
        assertThat(section.innerText()).contains("Get a message when StepFun breaks");
        section.scrollIntoViewIfNeeded();
        shoot(page.locator("#notify + .card"), "notify-form-status-stepfun", width, dark);
        page.locator("form.notify-form input[value=webhook]").check();
        page.locator("form.notify-form input[name=target]").fill("http://127.0.0.1:9/hook-" + width + dark);
        page.locator("form.notify-form button[type=submit]").click();
        assertThat(page.locator("h1").innerText()).isEqualTo("You will be notified");
        assertThat(page.locator("code.secret").innerText()).hasSize(64);
        shoot(page, "notify-subscribed", width, dark);
        // Links in the page are absolute, to the configured base URL: follow the path on this test's port.
        String manage = java.net.URI.create(page.locator("a[href*='/notify/manage/']").getAttribute("href")).getPath();
        page.navigate("http://localhost:" + this.port + manage);
        assertThat(page.locator("h1").innerText()).isEqualTo("Your alerts for StepFun");
        assertThat(page.content()).doesNotContain("hook-" + width + dark);
        shoot(page, "notify-manage", width, dark);
        page.locator("button:has-text('Stop these alerts')").click();
        assertThat(page.locator("h1").innerText()).isEqualTo("You are unsubscribed");
        page.context().close();
    }

    private static void shoot(Page page, String name, int width, boolean dark) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + "-" + width + (dark ? "-dark" : "") + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        assertThat(Files.size(file)).isPositive();
    }

    private static void shoot(Locator element, String name, int width, boolean dark) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + "-" + width + (dark ? "-dark" : "") + ".png");
        element.screenshot(new Locator.ScreenshotOptions().setPath(file));
        assertThat(Files.size(file)).isPositive();
    }

}
