package dev.llmstatus.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the public metrics free of internals, and lets an operator put the Prometheus endpoint behind a token.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** Tags whose values would name an exception class; their value becomes just "error". */
    private static final List<String> EXCEPTION_TAGS = List.of("exception", "error");

    /**
     * Exception class names become "error" (the log has the details), and disk meters lose the path of the
     * application's working directory.
     */
    @Bean
    MeterFilter publicMetricLabels() {
        return new MeterFilter() {

            @Override
            public Meter.Id map(Meter.Id id) {
                boolean disk = id.getName().startsWith("disk.");
                List<Tag> tags = new ArrayList<>();
                boolean changed = false;
                for (Tag tag : id.getTagsAsIterable()) {
                    if (disk && tag.getKey().equals("path")) {
                        changed = true;
                    }
                    else if (EXCEPTION_TAGS.contains(tag.getKey()) && !tag.getValue().equals("none")
                            && !tag.getValue().equals("error")) {
                        tags.add(Tag.of(tag.getKey(), "error"));
                        changed = true;
                    }
                    else {
                        tags.add(tag);
                    }
                }
                return changed ? id.replaceTags(tags) : id;
            }

        };
    }

    @Bean
    FilterRegistrationBean<MetricsTokenFilter> metricsTokenFilter(MetricsProperties properties) {
        FilterRegistrationBean<MetricsTokenFilter> registration = new FilterRegistrationBean<>(
                new MetricsTokenFilter(properties));
        registration.addUrlPatterns("/actuator/prometheus", "/actuator/prometheus/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setEnabled(properties.protectedByToken());
        return registration;
    }

    /** Answers 401 to a metrics request without the configured bearer token. */
    static final class MetricsTokenFilter extends OncePerRequestFilter {

        private final byte[] expected;

        MetricsTokenFilter(MetricsProperties properties) {
            this.expected = ("Bearer " + properties.token()).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization == null
                    || !MessageDigest.isEqual(this.expected, authorization.getBytes(StandardCharsets.UTF_8))) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"metrics\"");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
                return;
            }
            chain.doFilter(request, response);
        }

    }

}
