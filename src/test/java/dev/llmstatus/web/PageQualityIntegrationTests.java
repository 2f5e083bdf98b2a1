package dev.llmstatus.web;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.support.HtmlChecker;
import dev.llmstatus.support.ProbeScript;
import dev.llmstatus.support.ScriptedHistoryConfiguration;
import dev.llmstatus.support.LocalHttp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the sitemap like a crawler: every URL answers 200, names itself as canonical, has one h1, parseable JSON-LD
 * whose FAQPage matches the visible FAQ, and passes the Nu Html Checker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "llmstatus.probe.enabled=false",
        "llmstatus.status.rebuild-interval=1h", "llmstatus.site.base-url=https://llmstatus.example" })
@Import(ScriptedHistoryConfiguration.class)
class PageQualityIntegrationTests {

    private static final Pattern CANONICAL = Pattern.compile("<link rel=\"canonical\" href=\"([^\"]+)\">");

    private static final Pattern JSON_LD = Pattern.compile(
            "<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL);

    private static final Pattern FAQ_ITEM = Pattern.compile("<summary>([^<]*)</summary><p>(.*?)</p></details>", Pattern.DOTALL);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    StatusEngine engine;

    @Autowired
    ProbeScript script;

    @Autowired
    Catalog catalog;

    private static boolean scripted;

    private void script() {
        if (scripted) {
            return;
        }
        scripted = true;
        this.script.reset();
        this.script.failing(3, "stepfun/api");
        this.engine.rebuild();
    }

    @Test
    void everySitemapUrlAnswers200AndIsItsOwnCanonical() throws Exception {
        script();
        List<String> urls = sitemap();
        assertThat(urls).contains("https://llmstatus.example/", "https://llmstatus.example/status/stepfun",
                "https://llmstatus.example/status/iflytek-spark", "https://llmstatus.example/is-stepfun-down");
        assertThat(urls).hasSizeGreaterThanOrEqualTo(1 + 2 * this.catalog.providers().size());
        for (String url : urls) {
            String path = url.substring("https://llmstatus.example".length());
            HttpResponse<String> page = get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            Matcher canonical = CANONICAL.matcher(page.body());
            assertThat(canonical.find()).as(path + " has a canonical link").isTrue();
            assertThat(canonical.group(1)).as(path).isEqualTo(url);
            assertThat(page.body().split("<h1[ >]", -1)).as(path + " has exactly one h1").hasSize(2);
            assertThat(page.body()).as(path).contains("<meta name=\"description\" content=\"")
                .contains("<meta property=\"og:title\"")
                .contains("<meta name=\"twitter:card\"");
        }
    }

    @Test
    void jsonLdParsesAndTheFaqPageMatchesTheVisibleFaq() throws Exception {
        script();
        for (String path : List.of("/", "/status/stepfun", "/is-stepfun-down", "/is-iflytek-spark-down",
                "/status/stepfun/errors/429-rate-limit-exceeded", "/status/anthropic/errors/529-overloaded",
                "/errors/429-rate-limit-exceeded", "/status/stepfun/errors", "/errors/lookup")) {
            String body = get(path).body();
            List<JsonNode> blocks = new ArrayList<>();
            Matcher matcher = JSON_LD.matcher(body);
            while (matcher.find()) {
                blocks.add(JSON.readTree(matcher.group(1)));
            }
            assertThat(blocks).as(path).anySatisfy((b) -> assertThat(b.get("@type").asString()).isEqualTo("BreadcrumbList"));
            assertThat(blocks).as(path).anySatisfy((b) -> {
                assertThat(b.get("@type").asString()).isEqualTo("WebPage");
                assertThat(b.get("dateModified").asString()).isEqualTo("2026-11-23T12:03:00Z");
            });
            List<String[]> visible = new ArrayList<>();
            Matcher faq = FAQ_ITEM.matcher(body);
            while (faq.find()) {
                visible.add(new String[] { HtmlUtils.htmlUnescape(faq.group(1)), HtmlUtils.htmlUnescape(faq.group(2)) });
            }
            List<JsonNode> faqPages = blocks.stream().filter((b) -> b.get("@type").asString().equals("FAQPage")).toList();
            if (visible.isEmpty()) {
                assertThat(faqPages).as(path).isEmpty();
                continue;
            }
            assertThat(faqPages).as(path).hasSize(1);
            JsonNode entities = faqPages.get(0).get("mainEntity");
            assertThat(entities.size()).as(path).isEqualTo(visible.size());
            for (int i = 0; i < visible.size(); i++) {
                assertThat(entities.get(i).get("name").asString()).isEqualTo(visible.get(i)[0]);
                assertThat(entities.get(i).get("acceptedAnswer").get("text").asString()).isEqualTo(visible.get(i)[1]);
            }
        }
    }

    @Test
    void landingPageAnswersInItsFirstSentence() throws Exception {
        script();
        String down = get("/is-stepfun-down").body();
        assertThat(down).contains("<title>Is StepFun down right now? Partly | LLM Status</title>")
            // the first sentence answers (description and snippet); on the page the word stands once, above the rest
            .contains("content=\"Partly: StepFun has a partial outage since")
            .contains("<p class=\"answer\"><strong>Partly</strong></p>")
            .contains("<p class=\"reason\">StepFun has a partial outage since");
        String up = get("/is-openai-down").body();
        assertThat(up).contains("No, OpenAI has been up since").contains("<p class=\"reason\">OpenAI has been up since");
        assertThat(get("/is-nope-down").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesPassTheNuHtmlChecker() throws Exception {
        script();
        for (String path : List.of("/", "/status/stepfun", "/status/openai", "/is-stepfun-down", "/status/nope",
                "/no/such/page", "/status/stepfun/errors/429-rate-limit-exceeded", "/status/stepfun/errors",
                "/errors/429-rate-limit-exceeded", "/errors/lookup", "/errors/lookup?q=overloaded_error%20529",
                "/status/stepfun/errors/529-overloaded", "/errors/nope")) {
            String body = get(path).body();
            assertThat(HtmlChecker.errors(body)).as(path).isEmpty();
        }
    }

    @Test
    void robotsPointsToTheSitemap() throws Exception {
        assertThat(get("/robots.txt").body()).contains("Sitemap: https://llmstatus.example/sitemap.xml");
    }

    private List<String> sitemap() throws Exception {
        HttpResponse<String> response = get("/sitemap.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
            .parse(new org.xml.sax.InputSource(new java.io.StringReader(response.body())));
        NodeList locs = document.getElementsByTagName("loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent());
        }
        assertThat(document.getElementsByTagName("lastmod").getLength()).isPositive();
        return urls;
    }

    private HttpResponse<String> get(String path) {
        return LocalHttp.at(this.port).get(path);
    }

}
