package dev.llmstatus.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.ServletResponse;
import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PageCacheFilterTests {

    @Test
    void whileANewSnapshotsPageRendersOtherRequestsGetThePreviousOneInsteadOfWaiting() throws Exception {
        StatusEngine engine = mock(StatusEngine.class);
        when(engine.current()).thenReturn(snapshot(1));
        PageCacheFilter filter = filter(engine);
        assertThat(get(filter, (req, res) -> write(res, "version 1"))).isEqualTo("version 1");

        when(engine.current()).thenReturn(snapshot(2));
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<String> first = executor.submit(() -> get(filter, (req, res) -> {
                rendering.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                write(res, "version 2");
            }));
            assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(get(filter, (req, res) -> write(res, "must not render twice"))).isEqualTo("version 1");
            release.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("version 2");
            assertThat(get(filter, (req, res) -> write(res, "must not render again"))).isEqualTo("version 2");
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static StatusSnapshot snapshot(long version) {
        return new StatusSnapshot(version, Instant.parse("2026-11-23T12:00:00Z").plusSeconds(version),
                MonitorState.STARTING, List.of());
    }

    private static String get(PageCacheFilter filter, FilterChain chain) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/status/stepfun"), response, chain);
        return response.getContentAsString();
    }

    private static void write(ServletResponse response, String body) throws IOException {
        response.setContentType("text/html");
        response.getWriter().write(body);
    }

    @Test
    void unchangedBytesKeepTheirValidatorsAcrossSnapshotsSoConditionalRequestsGet304() throws Exception {
        StatusEngine engine = mock(StatusEngine.class);
        when(engine.current()).thenReturn(snapshot(1));
        PageCacheFilter filter = filter(engine);
        MockHttpServletResponse first = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/status/stepfun"), first, (req, res) -> write(res, "same"));
        when(engine.current()).thenReturn(snapshot(2));
        MockHttpServletRequest conditional = new MockHttpServletRequest("GET", "/status/stepfun");
        conditional.addHeader("If-None-Match", first.getHeader("ETag"));
        MockHttpServletResponse second = new MockHttpServletResponse();
        AtomicInteger rendered = new AtomicInteger();
        filter.doFilter(conditional, second, (req, res) -> {
            rendered.incrementAndGet();
            write(res, "same");
        });
        assertThat(rendered).hasValue(1);
        assertThat(second.getStatus()).isEqualTo(304);
        assertThat(second.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
        assertThat(second.getHeader("Last-Modified")).isEqualTo(first.getHeader("Last-Modified"));

        when(engine.current()).thenReturn(snapshot(3));
        MockHttpServletResponse changed = new MockHttpServletResponse();
        MockHttpServletRequest again = new MockHttpServletRequest("GET", "/status/stepfun");
        again.addHeader("If-None-Match", first.getHeader("ETag"));
        filter.doFilter(again, changed, (req, res) -> write(res, "different"));
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(changed.getHeader("ETag")).isNotEqualTo(first.getHeader("ETag"));
    }

    @Test
    void aCookieTheHandlerReadsBypassesTheCacheSoAThankYouIsNeverShared() throws Exception {
        StatusEngine engine = mock(StatusEngine.class);
        when(engine.current()).thenReturn(snapshot(1));
        PageCacheFilter filter = filter(engine);
        AtomicInteger rendered = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/status/stepfun");
            request.setCookies(new Cookie(Pages.THANKS, "1"));
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, (req, res) -> {
                rendered.incrementAndGet();
                write(res, "Thanks for your report");
            });
            assertThat(response.getHeader("ETag")).isNull();
        }
        assertThat(rendered).hasValue(3);
    }

    @Test
    void pathParametersAndEncodingsShareOneEntryAndQueriesDoNotMakeNewOnes() throws Exception {
        StatusEngine engine = mock(StatusEngine.class);
        when(engine.current()).thenReturn(snapshot(1));
        PageCacheFilter filter = filter(engine);
        AtomicInteger rendered = new AtomicInteger();
        for (String uri : List.of("/status/stepfun", "/status/stepfun;v=1", "/status/stepfun;v=2",
                "/status/%73tepfun", "/status/step%66un;jsessionid=x")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
            request.setQueryString("q=" + uri.hashCode());
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, (req, res) -> {
                rendered.incrementAndGet();
                write(res, "stepfun");
            });
            assertThat(response.getContentAsString()).isEqualTo("stepfun");
        }
        assertThat(rendered).hasValue(1);
    }

    @Test
    void aRouteWhoseHandlerIsNotMarkedIsNeverCachedEvenUnderAMarkedPattern() throws Exception {
        StatusEngine engine = mock(StatusEngine.class);
        when(engine.current()).thenReturn(snapshot(1));
        PageCacheFilter filter = filter(engine);
        AtomicInteger rendered = new AtomicInteger();
        for (String query : List.of("q=429", "q=500")) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/errors/lookup");
            request.setQueryString(query);
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, (req, res) -> {
                rendered.incrementAndGet();
                write(res, query);
            });
            assertThat(response.getContentAsString()).isEqualTo(query);
            assertThat(response.getHeader("ETag")).isNull();
        }
        assertThat(rendered).hasValue(2);
    }

    @Test
    void aMarkedHandlerThatReadsTheQueryStopsStartUp() {
        assertThatIllegalStateException().isThrownBy(() -> CacheableRoutes.of(List.of(mapping(new ReadsQuery()))))
            .withMessageContaining("@CachedPage handler")
            .withMessageContaining("may depend only on its path variables");
    }

    static PageCacheFilter filter(StatusEngine engine) {
        RequestMappingHandlerMapping mapping = mapping(new Pages());
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("mapping", mapping));
        PageCacheFilter filter = new PageCacheFilter(engine, new SimpleMeterRegistry(),
                beans.getBeanProvider(RequestMappingHandlerMapping.class));
        filter.afterSingletonsInstantiated();
        return filter;
    }

    private static RequestMappingHandlerMapping mapping(Object controller) {
        StaticApplicationContext context = new StaticApplicationContext();
        context.getBeanFactory().registerSingleton("controller", controller);
        context.refresh();
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        mapping.setApplicationContext(context);
        mapping.afterPropertiesSet();
        return mapping;
    }

    @Controller
    static class Pages {

        static final String THANKS = "thanks";

        @CachedPage
        @GetMapping("/status/{slug}")
        String provider(@PathVariable String slug, @CookieValue(name = THANKS, required = false) String thanks) {
            return "provider";
        }

        @CachedPage
        @GetMapping("/errors/{topic}")
        String topic(@PathVariable String topic) {
            return "topic";
        }

        @GetMapping("/errors/lookup")
        String lookup(@RequestParam String q) {
            return "lookup";
        }

    }

    @Controller
    static class ReadsQuery {

        @CachedPage
        @GetMapping("/search")
        String search(@RequestParam String q) {
            return "search";
        }

    }

}
