package dev.llmstatus.api;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.status.IncidentView;
import dev.llmstatus.status.Status;
import dev.llmstatus.support.ScriptedSiteTests;
import dev.llmstatus.support.Officials;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@TestPropertySource(properties = "llmstatus.site.base-url=https://llmstatus.example/")
class ApiIntegrationTests extends ScriptedSiteTests {

    private static final String BASE = "https://llmstatus.example";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<String> COMPONENT_FIELDS = Set.of("id", "name", "status", "created_at", "updated_at",
            "position", "description", "showcase", "start_date", "group_id", "page_id", "group",
            "only_show_if_degraded");

    private static final Set<String> UPDATE_FIELDS = Set.of("id", "status", "body", "incident_id", "created_at",
            "updated_at", "display_at", "affected_components");

    private static final Set<String> COMPONENT_STATUSES = Set.of("operational", "degraded_performance",
            "partial_outage", "major_outage", "under_maintenance");

    @Test
    void siteSummaryHasTheStatuspageShapeWithOneComponentPerProviderAndOurOngoingIncidents() throws Exception {
        stepfunApiFailing();

        HttpResponse<String> response = get("/api/v1/summary.json", "text/html");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        HttpResponse<String> cached = get("/api/v1/summary.json", "application/json");
        assertThat(cached.body()).isEqualTo(response.body());
        assertThat(cached.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(cached.headers().firstValue("Content-Type")).isEqualTo(response.headers().firstValue("Content-Type"));
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.propertyNames()).containsExactly("page", "status", "components", "incidents",
                "scheduled_maintenances");

        JsonNode page = summary.get("page");
        assertThat(page.get("id").asString()).isEqualTo("llmstatus");
        assertThat(page.get("name").asString()).isEqualTo("LLM Status");
        assertThat(page.get("url").asString()).isEqualTo(BASE + "/");
        assertThat(page.get("time_zone").asString()).isEqualTo("Etc/UTC");
        assertThat(OffsetDateTime.parse(page.get("updated_at").asString()).toInstant()).isEqualTo(this.clock.instant());

        assertThat(summary.get("status").get("indicator").asString()).isEqualTo("major");
        assertThat(summary.get("status").get("description").asString()).startsWith("Partial outage at StepFun");

        JsonNode components = summary.get("components");
        assertThat(components.size()).isEqualTo(this.catalog.providers().size());
        for (int i = 0; i < components.size(); i++) {
            JsonNode component = components.get(i);
            assertThat(component.propertyNames()).containsExactlyInAnyOrderElementsOf(COMPONENT_FIELDS);
            assertThat(component.get("id").asString()).isEqualTo(this.catalog.providers().get(i).slug());
            assertThat(component.get("name").asString()).isEqualTo(this.catalog.providers().get(i).name());
            assertThat(component.get("position").asInt()).isEqualTo(i + 1);
            assertThat(component.get("page_id").asString()).isEqualTo("llmstatus");
            assertThat(component.get("group").asBoolean()).isFalse();
            assertThat(component.get("group_id").isNull()).isTrue();
            assertThat(component.get("status").asString()).isIn(COMPONENT_STATUSES);
            OffsetDateTime.parse(component.get("updated_at").asString());
        }
        assertThat(byId(components, "stepfun").get("status").asString()).isEqualTo("partial_outage");
        assertThat(byId(components, "stepfun").get("description").asString())
            .contains("front door failing");
        assertThat(byId(components, "openai").get("status").asString()).isEqualTo("operational");

        JsonNode incidents = summary.get("incidents");
        assertThat(incidents.size()).isEqualTo(1);
        JsonNode incident = incidents.get(0);
        String id = incident.get("id").asString();
        assertThat(id).matches("stepfun\\.m-\\d+");
        assertThat(incident.get("name").asString()).isEqualTo("StepFun: partial outage of API");
        assertThat(incident.get("status").asString()).isEqualTo("investigating");
        assertThat(incident.get("impact").asString()).isEqualTo("major");
        assertThat(incident.get("shortlink").asString())
            .isEqualTo(BASE + "/status/stepfun/incidents/" + id.substring("stepfun.".length()));
        assertThat(incident.get("resolved_at").isNull()).isTrue();
        assertThat(incident.get("page_id").asString()).isEqualTo("llmstatus");
        assertThat(incident.get("components").get(0).get("id").asString()).isEqualTo("stepfun");
        JsonNode update = incident.get("incident_updates").get(0);
        assertThat(update.propertyNames()).containsExactlyInAnyOrderElementsOf(UPDATE_FIELDS);
        assertThat(update.get("id").asString()).isEqualTo(id + "-1");
        assertThat(update.get("incident_id").asString()).isEqualTo(id);
        assertThat(update.get("status").asString()).isEqualTo("investigating");
        assertThat(update.get("body").asString()).contains("front door failing");
        assertThat(update.get("affected_components").isNull()).isTrue();
        OffsetDateTime.parse(update.get("display_at").asString());

        assertThat(summary.get("scheduled_maintenances").isArray()).isTrue();
        assertThat(summary.get("scheduled_maintenances").size()).isZero();
    }

    @Test
    void providerSummaryHasOneComponentPerProbedComponentAndTheOfficialPagesOngoingIncidents() throws Exception {
        this.script.healthy(3);
        Instant now = this.clock.instant();
        this.history.official(anthropicOfficialPage(now));
        this.engine.rebuild();

        JsonNode summary = JSON.readTree(get("/api/v1/providers/anthropic/summary.json", "application/json").body());
        assertThat(summary.get("page").get("id").asString()).isEqualTo("anthropic");
        assertThat(summary.get("page").get("name").asString()).isEqualTo("Anthropic (LLM Status)");
        assertThat(summary.get("page").get("url").asString()).isEqualTo(BASE + "/status/anthropic");
        assertThat(summary.get("status").get("indicator").asString()).isEqualTo("minor");

        JsonNode components = summary.get("components");
        assertThat(ids(components)).startsWith("api", "console", "web");
        assertThat(components.get(0).get("name").asString()).isEqualTo("Claude API");
        assertThat(components.get(0).get("status").asString()).isEqualTo("degraded_performance");
        assertThat(components.get(1).get("status").asString()).isEqualTo("operational");

        // Ours (the official page decided the level) and the official one; the resolved official one is not listed.
        JsonNode incidents = summary.get("incidents");
        assertThat(ids(incidents)).contains("o-inc-open").doesNotContain("o-inc-old");
        JsonNode incident = byId(incidents, "o-inc-open");
        assertThat(incident.get("name").asString()).isEqualTo("Elevated errors on Claude API");
        assertThat(incident.get("status").asString()).isEqualTo("identified");
        assertThat(incident.get("impact").asString()).isEqualTo("minor");
        assertThat(ids(incident.get("components"))).containsExactly("api");
        JsonNode updates = incident.get("incident_updates");
        assertThat(ids(updates)).containsExactly("o-inc-open-2", "o-inc-open-1");
        assertThat(updates.get(0).get("status").asString()).isEqualTo("identified");
        assertThat(updates.get(1).get("status").asString()).isEqualTo("investigating");
        assertThat(updates.get(0).get("body").asString()).isEqualTo("We found the cause.");
        assertThat(OffsetDateTime.parse(updates.get(0).get("display_at").asString()).toInstant())
            .isEqualTo(now.minus(Duration.ofMinutes(5)));
    }

    @Test
    void componentsWithoutDataAreUnknownNeverOperationalAndTheIndicatorSaysSo() throws Exception {
        this.script.run(3, Set.of(), Set.of("stepfun/web"));
        this.engine.rebuild();
        JsonNode provider = JSON.readTree(get("/api/v1/providers/stepfun/summary.json", "*/*").body());
        assertThat(byId(provider.get("components"), "web").get("status").asString()).isEqualTo("unknown");
        assertThat(byId(provider.get("components"), "api").get("status").asString())
            .isEqualTo("operational");
        assertThat(provider.get("status").get("description").asString()).isNotEqualTo("All Systems Operational")
            .contains("no fresh data");

        this.history.monitor(new MonitorState(true, this.clock.instant(), this.clock.instant()));
        this.engine.rebuild();
        JsonNode site = JSON.readTree(get("/api/v1/summary.json", "*/*").body());
        assertThat(site.get("status").get("indicator").asString()).isEqualTo("unknown");
        assertThat(site.get("status").get("description").asString()).isEqualTo("Status unknown: monitoring offline");
        for (JsonNode component : site.get("components")) {
            assertThat(component.get("status").asString()).isEqualTo("unknown");
        }
    }

    @Test
    void statuspageClientsFindTheSummaryUnderThePageUrl() throws Exception {
        stepfunApiFailing();
        assertThat(get("/api/v2/summary.json", "*/*").body()).isEqualTo(get("/api/v1/summary.json", "*/*").body());
        assertThat(get("/status/stepfun/api/v2/summary.json", "*/*").body())
            .isEqualTo(get("/api/v1/providers/stepfun/summary.json", "*/*").body());
    }

    @Test
    void apiErrorsAreJsonWhateverTheClientAccepts() throws Exception {
        for (String accept : List.of("text/html,application/xhtml+xml,*/*;q=0.8", "application/json")) {
            HttpResponse<String> unknownProvider = get("/api/v1/providers/nope/summary.json", accept);
            assertJsonError(unknownProvider, 404, "not_found");
            assertThat(JSON.readTree(unknownProvider.body()).get("message").asString())
                .isEqualTo("No provider with this slug. GET /api/v1/summary.json lists every provider.");
            assertThat(get("/api/v1/providers/%3Cb%3Enope/summary.json", accept).body()).doesNotContain("nope")
                .doesNotContain("<b>");
            assertJsonError(get("/status/nope/api/v2/summary.json", accept), 404, "not_found");
            assertJsonError(get("/api/v1/nope", accept), 404, "not_found");
            assertJsonError(get("/api", accept), 404, "not_found");
            assertJsonError(get("/api/v1/providers/stepfun/nope.json", accept), 404, "not_found");
        }
        HttpResponse<String> post = http().send(request("/api/v1/summary.json", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertJsonError(post, 405, "method_not_allowed");
        assertThat(post.headers().firstValue("Allow")).contains("GET");
        assertThat(JSON.readTree(post.body()).get("message").asString())
            .isEqualTo("This address takes GET only.");
        assertThat(post.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void pagesOutsideTheApiKeepTheirHtmlErrors() throws Exception {
        HttpResponse<String> page = get("/no-such-page", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                (type) -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Page not found");
        assertThat(get("/status/stepfn", "text/html").body()).contains("href=\"/status/stepfun\"");
        HttpResponse<String> feed = get("/status/nope/history.atom", "text/html");
        assertThat(feed.statusCode()).isEqualTo(404);
        assertThat(feed.body()).doesNotContain("\"error\"");
    }

    @Test
    void atomAndRssFeedsListEveryIncidentOfTheWindowWithLinksToTheProviderPage() throws Exception {
        this.script.healthy(3);
        this.engine.rebuild();
        this.script.failing(3, "anthropic/api");
        this.engine.rebuild();
        this.script.healthy(3);
        this.engine.rebuild();
        this.history.official(anthropicOfficialPage(this.clock.instant()));
        this.engine.rebuild();
        List<IncidentView> incidents = this.engine.current().provider("anthropic").orElseThrow().incidents();
        String ours = incidents.stream()
            .filter((incident) -> !incident.official() && !incident.ongoing())
            .findFirst()
            .orElseThrow()
            .id();
        List<String> links = incidents.stream().map((incident) -> BASE + "/status/anthropic/incidents/" + incident.id())
            .toList();
        assertThat(links).contains(BASE + "/status/anthropic/incidents/o-inc-open",
                BASE + "/status/anthropic/incidents/o-inc-old");

        for (String format : List.of("atom", "rss")) {
            HttpResponse<String> response = get("/status/anthropic/history." + format, "*/*");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    (type) -> assertThat(type).startsWith("application/" + format + "+xml"));
            SyndFeed feed = new SyndFeedInput().build(new InputSource(
                    new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8))));
            assertThat(feed.getFeedType()).startsWith(format);
            assertThat(feed.getTitle()).contains("Anthropic");
            assertThat(alternate(feed)).isEqualTo(BASE + "/status/anthropic");
            Map<String, SyndEntry> entries = new LinkedHashMap<>();
            feed.getEntries().forEach((entry) -> entries.put(entry.getLink(), entry));
            assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(links);
            SyndEntry mine = entries.get(BASE + "/status/anthropic/incidents/" + ours);
            assertThat(mine.getTitle()).isEqualTo("Anthropic: partial outage of Claude API");
            assertThat(mine.getDescription().getValue()).contains("Partial outage, detected by LLM Status")
                .contains("lasted 3 min")
                .contains("Latest update")
                .contains("Resolved");
            SyndEntry open = entries.get(BASE + "/status/anthropic/incidents/o-inc-open");
            assertThat(open.getTitle()).isEqualTo("Elevated errors on Claude API (official status page)");
            assertThat(open.getDescription().getValue()).contains("Degraded performance")
                .contains("ongoing for 10 min")
                .contains("We found the cause.");
        }
        SyndFeed atom = new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(
                get("/status/anthropic/history.atom", "*/*").body().getBytes(StandardCharsets.UTF_8))));
        assertThat(atom.getUri()).isEqualTo(BASE + "/status/anthropic/history.atom");
        assertThat(atom.getLinks()).anySatisfy((link) -> {
            assertThat(link.getRel()).isEqualTo("self");
            assertThat(link.getHref()).isEqualTo(BASE + "/status/anthropic/history.atom");
        });
        assertThat(atom.getEntries()).allSatisfy((entry) -> assertThat(entry.getUpdatedDate()).isNotNull());
    }

    @Test
    void badgesShowEachProvidersLevelAsWellFormedSvg() throws Exception {
        this.script.run(3, Set.of("stepfun/api"), Set.of("iflytek-spark"));
        this.engine.rebuild();
        Map<String, String[]> expected = Map.of("openai", new String[] { "#4c1", "operational" }, "stepfun",
                new String[] { "#fe7d37", "partial outage" }, "iflytek-spark", new String[] { "#9f9f9f", "unknown" });
        for (Map.Entry<String, String[]> badge : expected.entrySet()) {
            HttpResponse<String> response = get("/badge/" + badge.getKey() + ".svg", "image/*");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    (type) -> assertThat(type).startsWith("image/svg+xml"));
            Document svg = parse(response.body());
            String name = this.catalog.find(badge.getKey()).orElseThrow().name();
            assertThat(svg.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo(name + ": " + badge.getValue()[1]);
            assertThat(fills(svg)).contains(badge.getValue()[0]);
        }
        HttpResponse<String> missing = get("/badge/nope.svg", "image/*");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(parse(missing.body()).getElementsByTagName("title").item(0).getTextContent())
            .isEqualTo("status: provider not found");
    }

    @Test
    void machineReadableOutputsNeverQueryTheDatabase() throws Exception {
        stepfunApiFailing();
        this.history.official(anthropicOfficialPage(this.clock.instant()));
        this.engine.rebuild();
        this.statements.reset();
        for (String path : List.of("/api/v1/summary.json", "/api/v2/summary.json",
                "/api/v1/providers/stepfun/summary.json", "/api/v1/providers/anthropic/summary.json",
                "/status/stepfun/api/v2/summary.json", "/api/v1/providers/nope/summary.json", "/api/nope",
                "/status/stepfun/history.atom", "/status/anthropic/history.rss", "/status/nope/history.rss",
                "/badge/stepfun.svg", "/badge/nope.svg")) {
            get(path, "*/*");
        }
        assertThat(this.statements.count()).isZero();
    }

    private void stepfunApiFailing() {
        this.script.healthy(3);
        this.engine.rebuild();
        this.script.failing(3, "stepfun/api");
        this.engine.rebuild();
    }

    /** Anthropic's official page: Claude API degraded by an incident ten minutes old, and one resolved last week. */
    static OfficialStatus anthropicOfficialPage(Instant now) {
        OfficialIncident open = Officials.incident("anthropic", "inc-open", "Elevated errors on Claude API",
                Status.DEGRADED, "identified", now.minus(Duration.ofMinutes(10)), null,
                URI.create("https://status.anthropic.com/incidents/inc-open"), List.of("Claude API (api.anthropic.com)"),
                List.of(new OfficialIncident.Update("identified", "We found the cause.", now.minus(Duration.ofMinutes(5))),
                        new OfficialIncident.Update("investigating", "We are investigating.",
                                now.minus(Duration.ofMinutes(10)))));
        OfficialIncident old = Officials.incident("anthropic", "inc-old", "Console login failures",
                Status.PARTIAL_OUTAGE, "resolved", now.minus(Duration.ofDays(7)),
                now.minus(Duration.ofDays(7)).plus(Duration.ofHours(1)), null, List.of("Console"),
                List.of(new OfficialIncident.Update("resolved", "Fixed.", now.minus(Duration.ofDays(7)))));
        return Officials.page("anthropic", now, Status.DEGRADED, "Minor Service Outage",
                Map.of("Claude API (api.anthropic.com)", Status.DEGRADED), List.of(open, old), null);
    }

    /** ROME reads an Atom feed's last link into {@code getLink()}; the page is its alternate link. */
    private static String alternate(SyndFeed feed) {
        return feed.getLinks().stream()
            .filter((link) -> "alternate".equals(link.getRel()))
            .map(SyndLink::getHref)
            .findFirst()
            .orElse(feed.getLink());
    }

    private static JsonNode byId(JsonNode list, String id) {
        for (JsonNode node : list) {
            if (node.get("id").asString().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("No " + id + " in " + list);
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach((node) -> ids.add(node.get("id").asString()));
        return ids;
    }

    private static void assertJsonError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.uri().toString())
            .hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("error").asString()).isEqualTo(error);
        assertThat(body.get("message").asString()).isNotBlank();
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> fills(Document svg) {
        List<String> fills = new ArrayList<>();
        var rects = svg.getElementsByTagName("rect");
        for (int i = 0; i < rects.getLength(); i++) {
            fills.add(rects.item(i).getAttributes().getNamedItem("fill").getNodeValue());
        }
        return fills;
    }

    private HttpRequest.Builder request(String path, String accept) {
        return HttpRequest.newBuilder(uri(path)).header("Accept", accept);
    }

}
