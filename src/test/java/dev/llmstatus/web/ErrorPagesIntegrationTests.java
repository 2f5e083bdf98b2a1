package dev.llmstatus.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.Provider;
import dev.llmstatus.errors.ErrorTopic;
import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.errors.ProviderErrorPage;
import dev.llmstatus.probe.ErrorClass;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.Outcome;
import dev.llmstatus.probe.ProbeResult;
import dev.llmstatus.support.ScriptedSiteTests;
import dev.llmstatus.support.ProbeScript;
import dev.llmstatus.support.ScriptedHistoryConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPagesIntegrationTests extends ScriptedSiteTests {

    private static final List<String> SECTIONS = List.of("id=\"headline\"", "id=\"verdict\"", "id=\"now\"",
            "id=\"meaning\"", "id=\"signatures\"", "id=\"causes\"", "id=\"fix\"", "id=\"retry\"", "id=\"components\"",
            "id=\"incidents\"", "id=\"faq\"", "id=\"related\"", "id=\"other-issues\"");

    private static final String ANTHROPIC_OVERLOADED = """
            {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}""";

    private static final String OPENAI_TPM = """
            {"error":{"message":"Rate limit reached for gpt-4o in organization org-abc123 on tokens per min (TPM): \
            Limit 30000, Used 29500, Requested 1200. Please try again in 1.4s.","type":"tokens","param":null,\
            "code":"rate_limit_exceeded"}}""";

    @Autowired
    KnowledgeBase knowledgeBase;

    @Test
    void everyApplicableTopicPageOfEveryProviderRendersWithAllItsSections() throws Exception {
        healthy();
        int pages = 0;
        for (Provider provider : this.catalog.providers()) {
            String slug = provider.slug();
            List<ProviderErrorPage> providerPages = this.knowledgeBase.pagesFor(slug);
            assertThat(providerPages).as(slug).isNotEmpty();
            HttpResponse<String> index = get("/status/" + slug + "/errors");
            assertThat(index.statusCode()).as(slug).isEqualTo(200);
            for (ProviderErrorPage page : providerPages) {
                String path = "/status/" + slug + "/errors/" + page.slug();
                assertThat(index.body()).as(path).contains("href=\"" + path + "\"");
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                String body = response.body();
                assertThat(body).as(path)
                    .contains(SECTIONS)
                    .contains("<h1>" + HtmlUtils.htmlEscape(page.headline()) + "</h1>")
                    .contains("Is it you or them?", "What our prober sees right now", "Likely your account or usage",
                            "How to fix it", "Common causes", "How it looks", "Frequently asked questions")
                    .contains("<pre tabindex=\"0\"><code class=\"language-java\">",
                            "<pre tabindex=\"0\"><code class=\"language-python\">")
                    .contains("href=\"/status/" + slug + "\"", "href=\"/is-" + slug + "-down\"",
                            "href=\"/errors/" + page.slug() + "\"", "href=\"/status/" + slug + "/errors\"",
                            "href=\"" + provider.docs().errors() + "\"", "href=\"/\"")
                    .contains(HtmlUtils.htmlEscape("Other " + provider.name() + " issues"))
                    .contains("<summary>" + HtmlUtils.htmlEscape(page.faq().get(0).question()) + "</summary>");
                assertThat(body.split("<h1[ >]", -1)).as(path + " has one h1").hasSize(2);
                for (String signature : page.signatures()) {
                    assertThat(body).as(path).contains("<code>" + HtmlUtils.htmlEscape(signature) + "</code>");
                }
                pages++;
            }
        }
        for (ErrorTopic topic : this.knowledgeBase.topics()) {
            HttpResponse<String> response = get("/errors/" + topic.slug());
            assertThat(response.statusCode()).as(topic.slug()).isEqualTo(200);
            assertThat(response.body()).contains("id=\"now\"", "id=\"meaning\"", "id=\"signatures\"", "id=\"fix\"",
                    "id=\"retry\"", "id=\"faq\"").doesNotContain("{provider}");
        }
        assertThat(pages).isGreaterThan(10 * this.catalog.providers().size());
    }

    @Test
    void probesGettingTheErrorMakeItProviderWideAndPutThatProviderFirst() throws Exception {
        answering(ProbeScript.answer(429, Outcome.RATE_LIMITED, List.of("rate_limit_exceeded")), "stepfun/api");
        String stepfun = get("/status/stepfun/errors/429-rate-limit-exceeded").body();
        assertThat(stepfun).contains("Likely provider-wide")
            .contains("Our prober is getting this error from StepFun right now")
            .contains("Getting Rate limit exceeded (429) right now: API: HTTP 429")
            // OpenAI's and Groq's code is not StepFun's: its page does not list it, even when an answer carried it
            .doesNotContain("<code>rate_limit_exceeded</code>")
            .contains("Is StepFun returning rate limit exceeded errors to everyone right now?</summary><p>Likely "
                    + "provider-wide.");
        assertThat(get("/status/openai/errors/429-rate-limit-exceeded").body()).contains("Likely your account or usage")
            .contains("Our prober is not getting this error from OpenAI right now");
        assertThat(get("/status/stepfun/errors").body()).contains("Yes, on API");
        String topic = get("/errors/429-rate-limit-exceeded").body();
        assertThat(topic.indexOf("href=\"/status/stepfun/errors/429-rate-limit-exceeded\"")).isPositive()
            .isLessThan(topic.indexOf("href=\"/status/openai/errors/429-rate-limit-exceeded\""));
        assertThat(topic).contains("<strong>1 of " + this.catalog.providers().size() + "</strong>");
    }

    @Test
    void aSignatureInRecentAnswersCountsAsSeeingTheError() throws Exception {
        answering(ProbeScript.answer(529, Outcome.DOWN, List.of("overloaded_error")), "anthropic/api");
        String body = get("/status/anthropic/errors/529-overloaded").body();
        assertThat(body).contains("Likely provider-wide").contains("API: recent answers carried").contains("<code>overloaded_error</code>");
        assertThat(get("/status/anthropic/errors/401-unauthorized").body()).contains("Not enough signal to tell");
    }

    @Test
    void anOfflineMonitorGivesNotEnoughSignalEvenWhenEveryProbeTimesOut() throws Exception {
        answering(new ProbeResult(null, null, null, Duration.ofSeconds(10), null, Outcome.DOWN, ErrorClass.CONNECT,
                null, null, null, List.of(), "connection refused"),
                this.catalog.providers().stream().map(Provider::slug).toArray(String[]::new));
        Instant now = ScriptedHistoryConfiguration.START;
        this.history.monitor(new MonitorState(true, now, now));
        this.engine.rebuild();
        String body = get("/status/stepfun/errors/504-gateway-timeout").body();
        assertThat(body).contains("Not enough signal to tell").contains("Monitoring offline")
            .doesNotContain("Likely provider-wide");
    }

    @Test
    void aliasesRedirectPermanentlyToTheSlug() throws Exception {
        HttpResponse<String> provider = get("/status/stepfun/errors/429");
        assertThat(provider.statusCode()).isEqualTo(301);
        assertThat(provider.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/status/stepfun/errors/429-rate-limit-exceeded"));
        HttpResponse<String> topic = get("/errors/rate-limit");
        assertThat(topic.statusCode()).isEqualTo(301);
        assertThat(topic.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/errors/429-rate-limit-exceeded"));
    }

    @Test
    void unknownOrInapplicableTopicsAndProvidersGetA404InTheLayout() throws Exception {
        healthy();
        for (String path : List.of("/status/stepfun/errors/529-overloaded", "/status/stepfun/errors/no-such-error",
                "/status/stepfun/errors/529")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).containsPattern("/css/site-[0-9a-f]{32}\\.css")
                .contains("href=\"/status/stepfun/errors/429-rate-limit-exceeded\"")
                .contains("<meta name=\"robots\" content=\"noindex\">")
                .doesNotContain("Exception");
        }
        HttpResponse<String> topic = get("/errors/no-such-error");
        assertThat(topic.statusCode()).isEqualTo(404);
        assertThat(topic.body()).contains("href=\"/errors/429-rate-limit-exceeded\"");
        HttpResponse<String> provider = get("/status/stepfn/errors/429-rate-limit-exceeded");
        assertThat(provider.statusCode()).isEqualTo(404);
        assertThat(provider.body()).contains("href=\"/status/stepfun\"");
    }

    @Test
    void lookupNamesTheProviderAndLinksToItsPage() throws Exception {
        healthy();
        String empty = get("/errors/lookup").body();
        assertThat(empty).contains("<textarea id=\"q\" name=\"q\"")
            .contains("<meta name=\"robots\" content=\"noindex\">")
            .contains("<link rel=\"canonical\" href=\"http://localhost:8080/errors/lookup\">")
            .doesNotContain("id=\"results\"");
        String anthropic = lookup(ANTHROPIC_OVERLOADED).body();
        assertThat(anthropic).contains("href=\"/status/anthropic/errors/529-overloaded\"")
            .contains("Anthropic: Overloaded (529)")
            .contains("Sent by <strong>Anthropic</strong>")
            .contains("<code>overloaded_error</code>")
            .contains(HtmlUtils.htmlEscape(ANTHROPIC_OVERLOADED));
        assertThat(lookup(OPENAI_TPM).body()).contains("href=\"/status/openai/errors/429-rate-limit-exceeded\"");
        assertThat(lookup("503 Service Unavailable").body()).contains("href=\"/errors/503-service-unavailable\"")
            .contains("The text does not say which provider sent it.");
        assertThat(lookup("hello there").body()).contains("Nothing in that text matches an error we know");
    }

    @Test
    void lookupOfMoreThanTenThousandCharactersIsTheSamePageWithA400() throws Exception {
        HttpResponse<String> response = lookup("x".repeat(10_001));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<h1>Error lookup</h1>")
            .contains("That text is 10,001 characters long. Paste at most 10,000")
            .contains("<textarea id=\"q\" name=\"q\"");
        assertThat(lookup("x".repeat(10_000)).statusCode()).isEqualTo(200);
    }

    @Test
    void errorPagesAreInTheSitemapAndLinkedFromProviderPagesButTheLookupIsNot() throws Exception {
        healthy();
        String sitemap = get("/sitemap.xml", "application/xml").body();
        assertThat(sitemap).contains("/status/stepfun/errors</loc>",
                "/status/stepfun/errors/429-rate-limit-exceeded</loc>", "/errors/529-overloaded</loc>")
            .doesNotContain("/errors/lookup")
            .doesNotContain("/status/stepfun/errors/529-overloaded");
        assertThat(get("/status/stepfun").body()).contains("href=\"/status/stepfun/errors\"");
        assertThat(get("/is-stepfun-down").body()).contains("href=\"/status/stepfun/errors\"")
            .contains("href=\"/errors/lookup\">Error lookup</a>");
    }

    @Test
    void errorPageRequestsNeverQueryTheDatabase() throws Exception {
        answering(ProbeScript.answer(503, Outcome.DOWN, List.of()), "openai/api");
        this.statements.reset();
        for (String path : List.of("/status/openai/errors/503-service-unavailable", "/status/openai/errors",
                "/errors/503-service-unavailable", "/status/openai/errors/429", "/status/openai/errors/nope",
                "/errors/nope", "/errors/lookup", "/errors/lookup?q=" + encode(ANTHROPIC_OVERLOADED),
                "/errors/lookup?q=" + "x".repeat(10_001))) {
            get(path);
        }
        assertThat(this.statements.count()).isZero();
    }

    private void healthy() {
        this.script.healthy(3);
        this.engine.rebuild();
    }

    private void answering(ProbeResult answer, String... components) {
        this.script.answering(3, answer, components);
        this.engine.rebuild();
    }

    private HttpResponse<String> lookup(String q) throws IOException, InterruptedException {
        return get("/errors/lookup?q=" + encode(q));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
