package dev.llmstatus.web;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import dev.llmstatus.status.StatusEngine;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class PageCacheFilterTests {

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
