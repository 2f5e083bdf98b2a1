package dev.llmstatus.web;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.llmstatus.errors.ErrorTopic;
import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.support.ScriptedSiteTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding the right page (search on the dashboard without JavaScript, names people type in landing URLs, the list of
 * error topics, feeds) and what 2026 browsers expect (icons, fingerprinted assets, no server-rendered "x min ago").
 */
class FindingPagesIntegrationTests extends ScriptedSiteTests {

    private static final Pattern STYLESHEET = Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"");

    @Autowired
    private KnowledgeBase knowledgeBase;

    @Test
    void dashboardSearchWorksWithoutJavaScriptAndIsNeverCached() throws Exception {
        this.script.healthy(3);
        this.engine.rebuild();
        HttpResponse<String> found = get("/?q=stepf");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("href=\"/status/stepfun\"").doesNotContain("href=\"/status/openai\"")
            .contains("value=\"stepf\"");
        assertThat(found.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(found.headers().firstValue("ETag")).isEmpty();
        for (String[] alias : new String[][] { { "claude", "anthropic" }, { "%E6%98%9F%E7%81%AB", "iflytek-spark" } }) {
            assertThat(get("/?q=" + alias[0]).body()).as(alias[0]).contains("href=\"/status/" + alias[1] + "\"");
        }
        String none = get("/?q=zzzzz").body();
        assertThat(none).contains("No provider matches").doesNotContain("class=\"service\"");
        assertThat(get("/").body()).contains("href=\"/status/openai\"").contains("action=\"/\"");
    }

    @Test
    void aNameTypedInALandingUrlRedirectsPermanentlyToItsProvider() throws Exception {
        HttpResponse<String> moved = get("/is-StepFun-down");
        assertThat(moved.statusCode()).isEqualTo(301);
        assertThat(moved.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l)
            .endsWith("/is-stepfun-down"));
        for (String[] alias : new String[][] { { "claude", "anthropic" }, { "chatgpt", "openai" } }) {
            HttpResponse<String> aliasMoved = get("/is-" + alias[0] + "-down");
            assertThat(aliasMoved.statusCode()).as(alias[0]).isEqualTo(301);
            assertThat(aliasMoved.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l)
                .endsWith("/is-" + alias[1] + "-down"));
        }
        assertThat(get("/is-nobody-we-know-down").statusCode()).isEqualTo(404);
    }

    @Test
    void errorsListsEveryTopic() throws Exception {
        HttpResponse<String> response = get("/errors");
        assertThat(response.statusCode()).isEqualTo(200);
        for (ErrorTopic topic : this.knowledgeBase.topics()) {
            assertThat(response.body()).contains("href=\"/errors/" + topic.slug() + "\"");
        }
        assertThat(get("/sitemap.xml", "application/xml").body()).contains("/errors</loc>");
    }

    @Test
    void providerPagesAdvertiseTheirFeedsAndCarryNoServerRenderedRelativeTimes() throws Exception {
        this.script.healthy(5);
        this.script.failing(4, "stepfun/api");
        this.engine.rebuild();
        String body = get("/status/stepfun").body();
        assertThat(body).contains("<link rel=\"alternate\" type=\"application/atom+xml\" "
                + "href=\"/status/stepfun/history.atom\"")
            .contains("href=\"/status/stepfun/history.atom\" type=\"application/atom+xml\">Incident feed (Atom)</a>")
            .contains("<time data-since datetime=\"")
            .doesNotContainPattern("\\d+ (s|min) ago")
            .doesNotContain("for 4 min");
        this.clock.set(this.clock.instant().plusSeconds(50));
        this.engine.rebuild();
        String later = get("/status/stepfun").body();
        assertThat(later).as("same data, same bytes, whatever the time").isEqualTo(body);
    }

    @Test
    void iconsAndFingerprintedAssetsAreServedForAYear() throws Exception {
        assertThat(get("/favicon.ico", "image/*").statusCode()).isEqualTo(200);
        assertThat(get("/img/apple-touch-icon.png", "image/*").statusCode()).isEqualTo(200);
        String page = get("/").body();
        assertThat(page).contains("rel=\"apple-touch-icon\"").contains("property=\"og:image\"");
        Matcher stylesheet = STYLESHEET.matcher(page);
        assertThat(stylesheet.find()).isTrue();
        HttpResponse<String> css = get(stylesheet.group(1), "text/css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying((value) -> assertThat(value)
            .contains("max-age=31536000").contains("public").contains("immutable"));
    }

}
