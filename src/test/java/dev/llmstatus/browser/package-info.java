/**
 * Tests in a real browser: Debian's Chromium driven by Playwright, against the site probing a local simulator.
 */
package dev.llmstatus.browser;
