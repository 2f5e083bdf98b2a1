package dev.llmstatus.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class PageCacheFilterTests {

    @Test
    void whileANewSnapshotsPageRendersOtherRequestsGetThePreviousOneInsteadOfWaiting() throws Exception {
        StatusEngine engine = mock(StatusEngine.class);
        when(engine.current()).thenReturn(snapshot(1));
        PageCacheFilter filter = new PageCacheFilter(engine, new SimpleMeterRegistry());
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
    void requestWithASessionBypassesTheCacheSoFlashMessagesAreNeverShared() throws Exception {
        PageCacheFilter filter = new PageCacheFilter(mock(StatusEngine.class), new SimpleMeterRegistry());
        AtomicInteger rendered = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/status/stepfun");
            request.setSession(new MockHttpSession());
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(request, response, (req, res) -> {
                rendered.incrementAndGet();
                ((HttpServletResponse) res).setContentType("text/html");
                res.getWriter().write("Thanks for your report");
            });
            assertThat(response.getHeader("Cache-Control")).isEqualTo("private, no-store");
            assertThat(response.getHeader("ETag")).isNull();
        }
        assertThat(rendered).hasValue(3);
    }

}
