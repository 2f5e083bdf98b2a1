package dev.llmstatus.report;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.support.InMemoryProbeHistory;
import dev.llmstatus.support.MutableClock;
import dev.llmstatus.support.ProbeScript;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report flow over real HTTP, run once per database. Every test works in its own stretch of time and uses its
 * own client addresses, so rows left by earlier tests (or earlier runs, on PostgreSQL) never count.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "llmstatus.probe.enabled=false", "llmstatus.status.rebuild-interval=1h",
                "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1" })
@ExtendWith(OutputCaptureExtension.class)
abstract class AbstractReportPagesIntegrationTests {

    private static final AtomicInteger addresses = new AtomicInteger();

    private static final AtomicInteger periods = new AtomicInteger();

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    StatusEngine engine;

    @Autowired
    InMemoryProbeHistory history;

    @Autowired
    MutableClock clock;

    @Autowired
    ProbeScript script;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SwitchableDatabase.Switch database;

    /** Where this database's tests begin; each test moves 30 days on from the last. */
    abstract Instant epoch();

    @BeforeEach
    void freshPeriod() {
        this.database.up();
        this.script.reset();
        this.clock.set(epoch().plus(Duration.ofDays(30L * periods.incrementAndGet())));
        this.history.monitor(new MonitorState(false, this.clock.instant(), this.clock.instant()));
        this.script.healthy(3);
    }

    @Test
    void providerPageOffersTheReportFormWithAHoneypotAndNoReportsYet() throws Exception {
        this.engine.rebuild();
        HttpResponse<String> page = get("/status/stepfun");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"report\"")
            .contains("action=\"/status/stepfun/reports\"")
            .contains("value=\"RATE_LIMITS\"").contains("Rate limits / 429")
            .contains("<option value=\"api\">API</option>")
            .contains("name=\"errorCode\"").contains("maxlength=\"64\"")
            .contains("name=\"comment\"").contains("maxlength=\"500\"")
            .contains("No recent reports")
            .doesNotContain("Community reports: none collected");
        String honeypot = page.body().substring(page.body().indexOf("<div class=\"field hp\">"));
        honeypot = honeypot.substring(0, honeypot.indexOf("</div>"));
        assertThat(honeypot).contains("Leave this field empty")
            .contains("name=\"website\"")
            .contains("tabindex=\"-1\"")
            .contains("autocomplete=\"off\"");
    }

    @Test
    void validReportIsCommittedThenRedirectsBackWithAThankYou(CapturedOutput output) throws Exception {
        String marker = marker();
        String address = address();
        // The page is in the page cache now; the thank-you must get past it.
        assertThat(get("/status/stepfun").statusCode()).isEqualTo(200);
        HttpResponse<String> posted = post("stepfun", address, form("RATE_LIMITS", "api", marker, "429 since noon"));
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/status/stepfun#report"));
        assertThat(rows(marker)).isOne();
        String cookie = posted.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("report-thanks=1").contains("HttpOnly");

        HttpResponse<String> thanked = this.http.send(request("/status/stepfun")
            .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(thanked.statusCode()).isEqualTo(200);
        assertThat(thanked.body()).contains("Thank you: your report was recorded");
        assertThat(thanked.headers().firstValue("Cache-Control")).hasValueSatisfying(
                (cacheControl) -> assertThat(cacheControl).contains("no-store"));
        assertThat(get("/status/stepfun").body()).doesNotContain("Thank you: your report was recorded");
        assertThat(output).doesNotContain(address);
    }

    @Test
    void invalidReportShowsThePageAgainWithA400AMessagePerFieldAndTheInputKept() throws Exception {
        String marker = marker();
        Map<String, String> fields = form("", "no-such-part", marker + "\u0007", "x".repeat(501));
        HttpResponse<String> response = post("stepfun", address(), fields);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<h1>StepFun status</h1>")
            .contains("Choose what is going wrong.")
            .contains("Choose one of StepFun&#39;s components, or leave it empty.")
            .contains("Use letters, digits and punctuation only in the error code.")
            .contains("Keep the comment to 500 characters.")
            .contains("x".repeat(501))
            .contains("aria-invalid=\"true\"");
        assertThat(rows(marker)).isZero();

        HttpResponse<String> longCode = post("stepfun", address(), form("SLOW", "", "c".repeat(65), ""));
        assertThat(longCode.statusCode()).isEqualTo(400);
        assertThat(longCode.body()).contains("Keep the error code to 64 characters.")
            .contains("value=\"" + "c".repeat(65) + "\"")
            .contains("value=\"SLOW\" checked");
    }

    @Test
    void filledHoneypotLooksAcceptedButStoresNothing() throws Exception {
        String marker = marker();
        Map<String, String> fields = form("API_ERRORS", "", marker, "buy now");
        fields.put("website", "http://spam.example");
        HttpResponse<String> response = post("stepfun", address(), fields);
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith("/status/stepfun#report"));
        assertThat(response.headers().firstValue("Set-Cookie")).isPresent();
        assertThat(rows(marker)).isZero();
    }

    @Test
    void unknownProviderIsA404() throws Exception {
        HttpResponse<String> response = post("stepfn", address(), form("API_ERRORS", "", marker(), ""));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Did you mean");
    }

    @Test
    void secondReportWithinTenMinutesIsA429WithRetryAfterAndTheInputKept() throws Exception {
        String address = address();
        assertThat(post("deepseek", address, form("SLOW", "", marker(), "")).statusCode()).isEqualTo(302);
        this.clock.advance(Duration.ofMinutes(4));
        String marker = marker();
        HttpResponse<String> again = post("deepseek", address, form("API_ERRORS", "", marker, "still broken"));
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.headers().firstValue("Retry-After")).hasValue("360");
        assertThat(again.body()).contains("You already reported a problem with DeepSeek")
            .contains("again in 6 minutes")
            .contains("still broken")
            .contains("value=\"API_ERRORS\" checked");
        assertThat(rows(marker)).isZero();
        // Another provider is a separate allowance, and the same one opens again after ten minutes.
        assertThat(post("openai", address, form("SLOW", "", marker(), "")).statusCode()).isEqualTo(302);
        this.clock.advance(Duration.ofMinutes(6));
        assertThat(post("deepseek", address, form("SLOW", "", marker(), "")).statusCode()).isEqualTo(302);
    }

    @Test
    void commentsAndErrorCodesAreShownEscapedWithoutLinks() throws Exception {
        String marker = marker();
        post("stepfun", address(), form("BAD_OUTPUT", "", marker, "<script>alert(1)</script> see https://evil.example/x"));
        post("stepfun", address(), form("OTHER", "", "<img src=x onerror=alert(2)>",
                "\"><svg onload=alert(3)> www.spam.example javascript:alert(4)"));
        this.engine.rebuild();
        String body = get("/status/stepfun").body();
        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt; see [link removed]")
            .contains("&lt;img src=x onerror=alert(2)&gt;")
            .contains("&quot;&gt;&lt;svg onload=alert(3)&gt; [link removed] [link removed]")
            .doesNotContain("<script>alert")
            .doesNotContain("<img src=x")
            .doesNotContain("<svg onload")
            .doesNotContain("evil.example")
            .doesNotContain("spam.example");
    }

    @Test
    void bidirectionalOverridesAndControlCharactersAreStrippedFromComments() throws Exception {
        String marker = marker();
        // U+202E would show "gnp.exe" as "exe.png"; U+2066-U+2069 isolate runs; U+0007 rings a terminal bell
        post("stepfun", address(), form("OTHER", "", marker,
                "bidi \u202Egnp.exe\u202C and \u2066isolated\u2069 \u202A\u202B\u202D\u2067\u2068bell\u0007 line\nbreak"));
        this.engine.rebuild();
        String stored = this.jdbc.queryForObject("select comment_text from community_report where error_code = ?",
                String.class, marker);
        assertThat(stored).isEqualTo("bidi gnp.exe and isolated bell line\nbreak");
        assertThat(get("/status/stepfun").body()).contains("bidi gnp.exe and isolated bell")
            .doesNotContain("\u202E")
            .doesNotContain("\u2066");
    }

    @Test
    void databaseDownMeansA503PageSayingTheReportWasNotRecorded(CapturedOutput output) throws Exception {
        String marker = marker();
        String address = address();
        this.database.down();
        HttpResponse<String> response = post("stepfun", address, form("API_ERRORS", "api", marker, "down?"));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("Your report was not recorded")
            .contains("please try again")
            .contains("class=\"site-header\"")
            .doesNotContain("Exception")
            .doesNotContain("at dev.llmstatus");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(get("/status/stepfun").statusCode()).isEqualTo(200);
        this.database.up();
        assertThat(rows(marker)).isZero();
        // Nothing was taken from the visitor's allowance: the retry goes through.
        assertThat(post("stepfun", address, form("API_ERRORS", "api", marker, "down?")).statusCode()).isEqualTo(302);
        assertThat(rows(marker)).isOne();
        assertThat(output).contains("Report for stepfun not recorded").doesNotContain(address);
    }

    @Test
    void pageSaysWhatPeopleReportCountingEachPersonOnce() throws Exception {
        String twice = address();
        post("groq", twice, form("RATE_LIMITS", "", "429", "limits everywhere"));
        this.clock.advance(Duration.ofMinutes(11));
        post("groq", twice, form("RATE_LIMITS", "", "429", "still"));
        post("groq", address(), form("RATE_LIMITS", "", "", ""));
        post("groq", address(), form("API_ERRORS", "", "500", ""));
        this.engine.rebuild();

        ReportSummary reports = this.engine.current().provider("groq").orElseThrow().reports();
        assertThat(reports.lastHour()).isEqualTo(3);
        assertThat(reports.last15Minutes()).isEqualTo(3);
        assertThat(reports.lastHour(ReportType.RATE_LIMITS)).isEqualTo(2);
        assertThat(reports.last15Minutes(ReportType.API_ERRORS)).isEqualTo(1);
        assertThat(reports.headline()).isEqualTo("3 reports in the last hour, most about rate limits (67%)");
        assertThat(reports.comments()).extracting(ReportSummary.Comment::text).containsExactly("still",
                "limits everywhere");
        String body = get("/status/groq").body();
        assertThat(body).contains("3 reports in the last hour, most about rate limits (67%)")
            .contains("Latest comments")
            .contains("<rect class=\"report-bar\"")
            .contains("Last 24 hours: 3 people reported problems")
            .doesNotContain("Users are reporting problems");
    }

    @Test
    void errorPagesCountReportsOfTheirKindAndTheirFormReturnsToThem() throws Exception {
        String page = "/status/mistral/errors/429-rate-limit-exceeded";
        String form = get(page).body();
        assertThat(form).contains("name=\"returnTo\" value=\"" + page + "\"")
            .contains("value=\"RATE_LIMITS\" checked");
        Map<String, String> fields = form("RATE_LIMITS", "", "429", "");
        fields.put("returnTo", page);
        HttpResponse<String> posted = post("mistral", address(), fields);
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(
                (location) -> assertThat(location).endsWith(page + "#report"));
        for (int i = 0; i < 3; i++) {
            post("mistral", address(), form("RATE_LIMITS", "", "429", ""));
        }
        this.engine.rebuild();
        assertThat(get(page).body()).contains("4 people reported rate limits in the last hour");

        Map<String, String> elsewhere = form("SLOW", "", "", "");
        elsewhere.put("returnTo", "https://evil.example/");
        assertThat(post("mistral", address(), elsewhere).headers().firstValue("Location"))
            .hasValueSatisfying((location) -> assertThat(location).endsWith("/status/mistral#report"));
    }

    @Test
    void aSpikeRaisesPossibleProblemsButNeverChangesTheLevel() throws Exception {
        Instant now = this.clock.instant();
        // Two people an hour at this time of day, every day of the last week.
        for (int day = 1; day <= 7; day++) {
            insert("openai", now.minus(Duration.ofDays(day)).plusSeconds(60), "usual-" + day + "-a");
            insert("openai", now.minus(Duration.ofDays(day)).plusSeconds(120), "usual-" + day + "-b");
        }
        ProviderState before = this.engine.rebuild().provider("openai").orElseThrow();
        assertThat(before.possibleProblems()).isFalse();
        for (int i = 0; i < 6; i++) {
            post("openai", address(), form((i < 4) ? "RATE_LIMITS" : "API_ERRORS", "", "", ""));
        }
        this.engine.rebuild();

        ProviderState after = this.engine.current().provider("openai").orElseThrow();
        assertThat(after.possibleProblems()).isTrue();
        assertThat(after.reports().usualPerHour()).isEqualTo(2);
        assertThat(after.reports().evidence()).startsWith("6 people reported problems in the last 15 minutes");
        assertThat(after.level()).isEqualTo(before.level());
        assertThat(after.reason()).isEqualTo(before.reason());
        assertThat(after.decidedBy()).isEqualTo(before.decidedBy());
        String body = get("/status/openai").body();
        assertThat(body).contains("Users are reporting problems with <span>OpenAI</span>")
            .contains("6 people reported problems in the last 15 minutes; usually about 2 an hour")
            .contains("class=\"line baseline\"");
        String dashboard = get("/").body();
        assertThat(dashboard).contains("Users are reporting problems (6 in 15 min)");
        assertThat(dashboard.indexOf("Users are reporting problems")).isEqualTo(
                dashboard.lastIndexOf("Users are reporting problems"));
        assertThat(this.engine.current().provider("stepfun").orElseThrow().possibleProblems()).isFalse();
    }

    private void insert(String provider, Instant at, String reporter) {
        this.jdbc.update("insert into community_report (provider, report_type, reporter, created_at, bucket) "
                + "values (?, 'OTHER', ?, ?, ?)", provider, reporter, at.atOffset(ZoneOffset.UTC),
                Math.floorDiv(at.getEpochSecond(), 300));
    }

    private int rows(String errorCode) {
        Integer count = this.jdbc.queryForObject("select count(*) from community_report where error_code = ?",
                Integer.class, errorCode);
        return (count != null) ? count : 0;
    }

    private static String marker() {
        return "t-" + UUID.randomUUID();
    }

    private static String address() {
        int n = addresses.incrementAndGet();
        return "203.0." + (n / 250) + "." + (1 + n % 250);
    }

    static Map<String, String> form(String type, String component, String errorCode, String comment) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("component", component);
        fields.put("errorCode", errorCode);
        fields.put("comment", comment);
        fields.put("website", "");
        return fields;
    }

    HttpResponse<String> post(String slug, String address, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet()
            .stream()
            .map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return this.http.send(request("/status/" + slug + "/reports")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Forwarded-For", address)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return this.http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).header("Accept", "text/html");
    }

}
