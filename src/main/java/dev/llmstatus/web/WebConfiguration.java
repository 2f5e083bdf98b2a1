package dev.llmstatus.web;

import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationConvention;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final HeadRenderer headRenderer;

    WebConfiguration(HeadRenderer headRenderer) {
        this.headRenderer = headRenderer;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HeadInterceptor(this.headRenderer));
    }

    /**
     * Request observations ({@code http.server.requests}) start after the page cache, so that a surge of cache hits
     * costs no more than copying bytes; hits and misses are counted by {@code llmstatus.page.cache}. Replaces Spring
     * Boot's registration, which would run first.
     */
    @Bean
    FilterRegistrationBean<ServerHttpObservationFilter> webMvcObservationFilter(ObservationRegistry registry,
            ObjectProvider<ServerRequestObservationConvention> convention) {
        ServerHttpObservationFilter filter = new ServerHttpObservationFilter(registry,
                convention.getIfAvailable(() -> new DefaultServerRequestObservationConvention("http.server.requests")));
        FilterRegistrationBean<ServerHttpObservationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(PageCacheFilter.ORDER + 1);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC);
        return registration;
    }

}
