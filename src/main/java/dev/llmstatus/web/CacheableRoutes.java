package dev.llmstatus.web;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.llmstatus.system.CachedPage;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.ParamsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Which requests the page cache may answer, decided by the handler Spring MVC would pick: only a handler marked
 * {@link CachedPage}. The key is the route and its decoded path variables, so that {@code /status/stepfun},
 * {@code /status/stepfun;v=1} and {@code /status/%73tepfun} share one entry and no spelling of a URL can force a
 * render; query strings are not part of the key (the marked handlers cannot read them).
 */
final class CacheableRoutes {

    /** What a marked handler may take: nothing that differs between two requests for the same path. */
    private static final Set<Class<? extends Annotation>> ALLOWED_ANNOTATIONS = Set.of(PathVariable.class,
            CookieValue.class);

    private static final Set<Class<?>> ALLOWED_TYPES = Set.of(Model.class, ModelMap.class,
            HttpServletResponse.class);

    private final List<Route> routes;

    /**
     * @param routes every GET route, most specific first, as Spring MVC picks among them
     */
    CacheableRoutes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * One route.
     *
     * @param pattern its path pattern
     * @param cached whether its handler is marked {@link CachedPage}
     * @param cookies cookies the handler reads: a request carrying one is rendered, not served from the cache
     * @param params the route's parameter conditions ({@code params = "q"}): it matches only requests that meet them
     */
    record Route(PathPattern pattern, boolean cached, Set<String> cookies, ParamsRequestCondition params) {

        boolean matches(HttpServletRequest request) {
            return this.params.isEmpty() || this.params.getMatchingCondition(request) != null;
        }

    }

    static CacheableRoutes of(List<RequestMappingHandlerMapping> mappings) {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : mappings) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                RequestMappingInfo info = entry.getKey();
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                    continue;
                }
                HandlerMethod handler = entry.getValue();
                boolean cached = handler.hasMethodAnnotation(CachedPage.class);
                Set<String> cookies = cached ? checkedCookies(handler) : Set.of();
                for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                    routes.add(new Route(pattern, cached, cookies, info.getParamsCondition()));
                }
            }
        }
        // As Spring MVC picks: the most specific pattern first, and for one pattern a route with parameter conditions
        // before the one without (GET /?q= is the search, GET / the dashboard).
        routes.sort(Comparator.comparing(Route::pattern, PathPattern.SPECIFICITY_COMPARATOR)
            .thenComparing((route) -> route.params().isEmpty()));
        return new CacheableRoutes(routes);
    }

    private static Set<String> checkedCookies(HandlerMethod handler) {
        Set<String> cookies = new TreeSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            CookieValue cookie = parameter.getParameterAnnotation(CookieValue.class);
            if (cookie != null) {
                cookies.add(cookie.name().isEmpty() ? cookie.value() : cookie.name());
                continue;
            }
            boolean allowed = ALLOWED_TYPES.stream().anyMatch((type) -> type.isAssignableFrom(parameter.getParameterType()))
                    || ALLOWED_ANNOTATIONS.stream().anyMatch(parameter::hasParameterAnnotation);
            if (!allowed) {
                throw new IllegalStateException("@CachedPage handler " + handler.getShortLogMessage()
                        + " takes " + parameter.getParameterType().getSimpleName() + " (parameter "
                        + parameter.getParameterIndex() + "): a cached page may depend only on its path variables, "
                        + "so two requests for one path could get a wrong answer. Remove @CachedPage or the parameter.");
            }
        }
        return Set.copyOf(cookies);
    }

    /**
     * The cache key for a request, or {@code null} when it must be rendered: its handler is not marked, it carries
     * a cookie the handler reads, or no route matches.
     */
    String key(HttpServletRequest request) {
        PathContainer path;
        try {
            path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
        for (Route route : this.routes) {
            PathPattern.PathMatchInfo match = route.pattern().matchAndExtract(path);
            if (match == null || !route.matches(request)) {
                continue;
            }
            if (!route.cached() || carriesAny(request, route.cookies())) {
                return null;
            }
            Map<String, String> variables = match.getUriVariables();
            if (variables.isEmpty()) {
                return route.pattern().getPatternString();
            }
            return route.pattern().getPatternString() + new TreeMap<>(variables);
        }
        return null;
    }

    private static boolean carriesAny(HttpServletRequest request, Set<String> cookies) {
        if (cookies.isEmpty() || request.getHeader(HttpHeaders.COOKIE) == null) {
            return false;
        }
        Cookie[] sent = request.getCookies();
        if (sent == null) {
            return false;
        }
        for (Cookie cookie : sent) {
            if (cookies.contains(cookie.getName())) {
                return true;
            }
        }
        return false;
    }

}
