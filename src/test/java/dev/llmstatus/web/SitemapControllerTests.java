package dev.llmstatus.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.model.ModelOutcome;
import dev.llmstatus.model.ModelResult;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.Uptime;
import dev.llmstatus.support.Snapshots;
import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sitemap and robots.txt in the MVC slice: every page of each provider in the snapshot with its last check as
 * lastmod, a model page only for models this instance checks, the error topics, absolute URLs; robots keeps the
 * lookup out and points at the sitemap.
 */
@WebSliceTest(SitemapController.class)
@Import(SitemapPaths.class)
class SitemapControllerTests extends WebSliceTests {

    @Test
    void sitemapListsEveryPageOfTheSnapshotsProviders() throws Exception {
        ModelResult ok = new ModelResult("openai", "gpt-4o-mini", Snapshots.LAST_CHECKED, ModelOutcome.OK, 200, 400L,
                1500, 40, 35.0, true, null, null, null, null, null);
        ModelState checked = new ModelState("gpt-4o-mini", "GPT-4o mini", Status.OPERATIONAL, "answering", null, true,
                false, ok, null, null, 400L, 600L, 35.0, 10, Uptime.NONE, List.of(), List.of());
        ModelState unchecked = new ModelState("gpt-4.1-mini", "GPT-4.1 mini", Status.UNKNOWN, "no key", null, false,
                false, null, null, null, null, null, null, 0, Uptime.NONE, List.of(), List.of());
        snapshot(Snapshots.ONLINE,
                Snapshots.withModels(provider("openai", Status.OPERATIONAL, "All checks pass"), checked, unchecked),
                provider("mistral", Status.UNKNOWN, "No fresh checks"));
        String base = "http://localhost:8080";
        this.mvc.perform(get("/sitemap.xml"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
            .andExpect(header().exists(HttpHeaders.ETAG))
            .andExpect(content().string(allOf(
                    containsString("<url><loc>" + base + "/</loc><lastmod>2026-11-29T11:59:00Z</lastmod></url>"),
                    containsString("<url><loc>" + base + "/status/openai</loc><lastmod>2026-11-29T11:59:00Z"),
                    containsString("<loc>" + base + "/is-openai-down</loc>"),
                    containsString("<loc>" + base + "/status/openai/errors/429-rate-limit-exceeded</loc>"),
                    containsString("<loc>" + base + "/status/openai/history</loc>"),
                    containsString("<loc>" + base + "/status/openai/models/gpt-4o-mini</loc>"),
                    not(containsString("gpt-4.1-mini")),
                    containsString("<url><loc>" + base + "/status/mistral</loc></url>"),
                    containsString("<loc>" + base + "/errors/503-service-unavailable</loc>"),
                    not(containsString("/status/anthropic")))));
    }

    @Test
    void robotsKeepsTheLookupOutAndPointsAtTheSitemap() throws Exception {
        snapshot(Snapshots.ONLINE, provider("openai", Status.OPERATIONAL, "All checks pass"));
        this.mvc.perform(get("/robots.txt"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
            .andExpect(content().string(allOf(containsString("Disallow: /errors/lookup"),
                    containsString("Sitemap: http://localhost:8080/sitemap.xml"))));
    }

}
