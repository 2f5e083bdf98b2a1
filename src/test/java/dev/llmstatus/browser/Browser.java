package dev.llmstatus.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

/**
 * Starts Debian's Chromium through Playwright, never a downloaded browser.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("LLMSTATUS_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;

    private final com.microsoft.playwright.Browser browser;

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM);
    }

    static Browser launch() {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
            .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright.chromium()
            .launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run")));
        return new Browser(playwright, browser);
    }

    BrowserContext context(NewContextOptions options) {
        return this.browser.newContext(options);
    }

    com.microsoft.playwright.Page page(int width, int height) {
        return this.browser.newContext(new NewContextOptions().setViewportSize(width, height)).newPage();
    }

    @Override
    public void close() {
        this.browser.close();
        this.playwright.close();
    }

}
