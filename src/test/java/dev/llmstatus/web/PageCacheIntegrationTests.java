package dev.llmstatus.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import dev.llmstatus.support.ScriptedSiteTests;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

class PageCacheIntegrationTests extends ScriptedSiteTests {

    @Autowired
    MeterRegistry meters;

    @Test
    void pageIsRenderedOncePerSnapshotAndServedWithValidators() throws Exception {
        this.engine.rebuild();
        double missesBefore = count("miss");
        double hitsBefore = count("hit");
        HttpResponse<byte[]> first = get("/status/stepfun", null, null);
        for (int i = 0; i < 4; i++) {
            HttpResponse<byte[]> again = get("/status/stepfun", null, null);
            assertThat(again.body()).isEqualTo(first.body());
        }
        assertThat(count("miss") - missesBefore).isEqualTo(1);
        assertThat(count("hit") - hitsBefore).isEqualTo(4);
        assertThat(first.headers().firstValue("ETag")).hasValueSatisfying((etag) -> assertThat(etag).matches("\"[0-9a-f]{24}\""));
        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(first.headers().firstValue("Cache-Control")).contains(PageCacheFilter.CACHE_CONTROL);
        assertThat(first.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void conditionalGetGets304UntilTheSnapshotChangesThePage() throws Exception {
        this.engine.rebuild();
        HttpResponse<byte[]> first = get("/", null, null);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> revalidated = get("/", etag, null);
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.body()).isEmpty();
        HttpResponse<byte[]> byDate = getWith("/", "If-Modified-Since",
                first.headers().firstValue("Last-Modified").orElseThrow());
        assertThat(byDate.statusCode()).isEqualTo(304);

        this.clock.advance(Duration.ofMinutes(7));
        this.script.healthy(1);
        this.engine.rebuild();
        HttpResponse<byte[]> changed = get("/", etag, null);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
    }

    @Test
    void gzipIsServedToClientsThatAskAndDecompressesToTheSamePage() throws Exception {
        this.engine.rebuild();
        HttpResponse<byte[]> plain = get("/status/openai", null, null);
        HttpResponse<byte[]> zipped = get("/status/openai", null, "gzip, deflate");
        assertThat(zipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(zipped.headers().firstValue("Vary")).hasValueSatisfying((v) -> assertThat(v).contains("Accept-Encoding"));
        assertThat(zipped.body().length).isLessThan(plain.body().length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void notFoundPagesAreNotCachedAndKeepTheirStatus() throws Exception {
        this.engine.rebuild();
        HttpResponse<byte[]> missing = get("/status/nope", null, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("ETag")).isEmpty();
        assertThat(get("/definitely/not/here", null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void queryStringsShareTheCachedPageAndTheErrorLookupIsNeverCached() throws Exception {
        this.engine.rebuild();
        double missesBefore = count("miss");
        HttpResponse<byte[]> plain = get("/status/anthropic", null, null);
        for (int i = 0; i < 5; i++) {
            HttpResponse<byte[]> withQuery = get("/status/anthropic?utm_source=x" + i, null, null);
            assertThat(withQuery.body()).isEqualTo(plain.body());
        }
        assertThat(count("miss") - missesBefore).isEqualTo(1);
        assertThat(get("/errors/lookup?q=overloaded_error", null, null).headers().firstValue("ETag")).isEmpty();
        assertThat(get("/status/anthropic/errors/529-overloaded", null, null).headers().firstValue("ETag"))
            .isPresent();
    }

    private double count(String result) {
        return this.meters.get("llmstatus.page.cache").tag("result", result).counter().count();
    }

    private HttpResponse<byte[]> get(String path, String ifNoneMatch, String acceptEncoding)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .header("Accept", "text/html");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return http().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> getWith(String path, String header, String value)
            throws IOException, InterruptedException {
        return http().send(HttpRequest.newBuilder(uri(path))
            .header(header, value)
            .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
