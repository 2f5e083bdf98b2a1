package dev.llmstatus.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.status.StatusEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The whole site on a random port, with the prober off and the history scripted through {@link ProbeScript}: the
 * base of the tests that request pages, API answers, feeds and badges over real HTTP. The engine rebuilds only when
 * a test calls {@code engine.rebuild()}. The history, clock and incidents are reset before each test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = { "llmstatus.probe.enabled=false", "llmstatus.status.rebuild-interval=1h" })
@Import(ScriptedHistoryConfiguration.class)
public abstract class ScriptedSiteTests {

    @LocalServerPort
    protected int port;

    @Autowired
    protected StatusEngine engine;

    @Autowired
    protected ProbeScript script;

    @Autowired
    protected InMemoryProbeHistory history;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected Catalog catalog;

    @Autowired
    protected StatementCounter statements;

    @BeforeEach
    void resetScript() {
        this.script.reset();
    }

    /** Requests to this test's server. */
    protected LocalHttp http() {
        return LocalHttp.at(this.port);
    }

    protected URI uri(String path) {
        return http().uri(path);
    }

    /** A GET as a browser sends it. */
    protected HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "text/html");
    }

    protected HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http().get(path, accept);
    }

}
