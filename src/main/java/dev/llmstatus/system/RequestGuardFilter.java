package dev.llmstatus.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns hostile or broken requests into clean 4xx answers before any handler sees them, for every route:
 * <ul>
 * <li>No cross-site writes: a POST (or any other state-changing method) whose {@code Sec-Fetch-Site} says it came
 * from another site, or whose {@code Origin} is neither the site's base URL nor the address it was sent to, gets the
 * 403 page. Requests with neither header come from programs, not from a visitor's browser, and pass. Nothing is
 * stored per visitor, so cached pages stay the same for everyone.</li>
 * <li>Form fields from the body only: a {@code application/x-www-form-urlencoded} POST is parsed here (at most
 * {@value #MAX_FORM_BYTES} bytes and {@value #MAX_FORM_FIELDS} fields) and handlers see those fields and nothing
 * from the query string. A malformed body is a 400, an oversize one a 413.</li>
 * <li>A query string Tomcat cannot decode ({@code %ff}, {@code %zz}, a lone {@code %}, too many parameters) is a
 * 400 page, logged in one line at DEBUG.</li>
 * <li>An empty {@code Accept} header counts as none.</li>
 * </ul>
 * A new form route is covered by being a POST: there is nothing to add. Runs after the page cache (which serves only
 * GET and HEAD) and after the request observation, so that these answers are counted with their 4xx status.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestGuardFilter extends OncePerRequestFilter {

    private static final Logger logger = LoggerFactory.getLogger(RequestGuardFilter.class);

    static final int MAX_FORM_BYTES = 32 * 1024;

    static final int MAX_FORM_FIELDS = 64;

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** Same origin, or typed/bookmarked by the user; never another site, not even a sibling subdomain. */
    private static final Set<String> OWN_FETCH_SITES = Set.of("same-origin", "none");

    private final String siteOrigin;

    RequestGuardFilter(SiteProperties site) {
        this.siteOrigin = origin(site.baseUrl());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest checked = withoutEmptyAccept(request);
        if (SAFE_METHODS.contains(request.getMethod())) {
            if (!parametersReadable(checked, response)) {
                return;
            }
            chain.doFilter(checked, response);
            return;
        }
        if (!sameOrigin(request)) {
            logger.debug("Refused a cross-site {}", request.getMethod());
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        if (isForm(request)) {
            Map<String, String[]> fields = formFields(request, response);
            if (fields == null) {
                return;
            }
            checked = new BodyFields(checked, fields);
        }
        chain.doFilter(checked, response);
    }

    private boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return OWN_FETCH_SITES.contains(site.trim().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return true;
        }
        String claimed = origin.trim().toLowerCase(Locale.ROOT);
        return claimed.equals(this.siteOrigin) || claimed.equals(ownOrigin(request));
    }

    /** Where the request was sent, as the browser spells an origin: the default port left out. */
    private static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + request.getServerName().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    static String origin(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
                || ("https".equals(scheme) && port == 443);
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.includes(MediaType.parseMediaType(type));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    /** The body's fields, or {@code null} after answering 400 or 413. */
    private static Map<String, String[]> formFields(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (request.getContentLengthLong() > MAX_FORM_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return null;
        }
        // Not closed: the container owns the stream.
        byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
        if (body.length > MAX_FORM_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return null;
        }
        Charset charset = StandardCharsets.UTF_8;
        String declared = request.getCharacterEncoding();
        if (declared != null) {
            try {
                charset = Charset.forName(declared);
            }
            catch (IllegalArgumentException ex) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return null;
            }
        }
        try {
            return parse(new String(body, StandardCharsets.ISO_8859_1), charset);
        }
        catch (IllegalArgumentException ex) {
            logger.debug("Refused a malformed form body");
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return null;
        }
    }

    /** Parses {@code a=1&b=2}; throws IllegalArgumentException on a bad escape or too many fields. */
    static Map<String, String[]> parse(String body, Charset charset) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        int count = 0;
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_FORM_FIELDS) {
                throw new IllegalArgumentException("too many fields");
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), charset);
            String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
            fields.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
        }
        Map<String, String[]> result = new LinkedHashMap<>();
        fields.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
        return Collections.unmodifiableMap(result);
    }

    private static boolean parametersReadable(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        try {
            request.getParameterMap();
            return true;
        }
        catch (InvalidParameterException ex) {
            logger.debug("Refused a request with unreadable parameters ({})", ex.getErrorCode());
            int status = (ex.getErrorCode() >= 400 && ex.getErrorCode() < 500) ? ex.getErrorCode()
                    : HttpServletResponse.SC_BAD_REQUEST;
            response.sendError(status);
            return false;
        }
    }

    private static HttpServletRequest withoutEmptyAccept(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null || !accept.isBlank()) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {

            @Override
            public String getHeader(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                        : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames())
                    .stream()
                    .filter((header) -> !HttpHeaders.ACCEPT.equalsIgnoreCase(header))
                    .toList());
            }

        };
    }

    /** A form POST whose parameters are the body's fields only. */
    private static final class BodyFields extends HttpServletRequestWrapper {

        private final Map<String, String[]> fields;

        BodyFields(HttpServletRequest request, Map<String, String[]> fields) {
            super(request);
            this.fields = fields;
        }

        @Override
        public String getParameter(String name) {
            String[] values = this.fields.get(name);
            return (values != null) ? values[0] : null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return this.fields;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(this.fields.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = this.fields.get(name);
            return (values != null) ? values.clone() : null;
        }

    }

}
