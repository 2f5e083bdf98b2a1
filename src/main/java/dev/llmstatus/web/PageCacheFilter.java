package dev.llmstatus.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPOutputStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.WebUtils;

/**
 * Serves pages, feeds, badges and API answers from memory: each is rendered once per snapshot version (concurrent
 * misses get the previous snapshot's page while the first one renders; the query string is ignored), with a strong
 * ETag, Last-Modified, a short public max-age with stale-while-revalidate, and a pre-compressed gzip copy.
 * Conditional requests get 304. A request with a session or with the thank-you cookie a report leaves is never
 * served from or stored in the cache.
 */
@Component
@Order(PageCacheFilter.ORDER)
class PageCacheFilter extends OncePerRequestFilter {

    /** After the security headers and the API's CORS header, before everything else. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    static final String CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=60";

    /**
     * Static files have their own caching; the error lookup answers any text, which must not crowd out pages; the
     * subscription pages belong to one subscriber each.
     */
    private static final Set<String> UNCACHED_PREFIXES = Set.of("/actuator", "/css/", "/js/", "/img/",
            "/errors/lookup", "/notify/");

    private static final int GZIP_MIN_BYTES = 512;

    private final StatusEngine engine;

    private final Cache<Key, Page> cache = Caffeine.newBuilder()
        .maximumSize(4_000)
        .expireAfterWrite(Duration.ofMinutes(5))
        .build();

    private final ConcurrentHashMap<Key, CompletableFuture<Page>> rendering = new ConcurrentHashMap<>();

    /** The latest page rendered for each path, whatever its snapshot: served while its successor renders. */
    private final Cache<String, Page> latest = Caffeine.newBuilder()
        .maximumSize(4_000)
        .expireAfterWrite(Duration.ofMinutes(5))
        .build();

    private final Counter hits;

    private final Counter misses;

    private final Counter stale;

    PageCacheFilter(StatusEngine engine, MeterRegistry meters) {
        this.engine = engine;
        this.hits = Counter.builder("llmstatus.page.cache").tag("result", "hit").register(meters);
        this.misses = Counter.builder("llmstatus.page.cache").tag("result", "miss").register(meters);
        this.stale = Counter.builder("llmstatus.page.cache").tag("result", "stale").register(meters);
    }

    record Key(long version, String uri) {
    }

    record Page(String contentType, byte[] body, byte[] gzip, String etag, Instant lastModified) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return true;
        }
        String path = request.getRequestURI();
        return path.equals("/error") || UNCACHED_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getSession(false) != null
                || WebUtils.getCookie(request, ProviderController.THANKS_COOKIE) != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            chain.doFilter(request, response);
            return;
        }
        StatusSnapshot snapshot = this.engine.current();
        // Cached pages take no query parameters, so a query never makes a new entry: random ones cannot flush the cache.
        Key key = new Key(snapshot.version(), request.getRequestURI());
        Page page = this.cache.getIfPresent(key);
        if (page != null) {
            this.hits.increment();
        }
        else {
            page = renderOnce(key, snapshot, request, response, chain);
            if (page == null) {
                return;
            }
        }
        serve(page, request, response);
    }

    /** Renders the page, or waits for the thread already rendering it. Null when the answer was sent uncached. */
    private Page renderOnce(Key key, StatusSnapshot snapshot, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        CompletableFuture<Page> mine = new CompletableFuture<>();
        CompletableFuture<Page> other = this.rendering.putIfAbsent(key, mine);
        if (other != null) {
            // A new snapshot arrived and another request is rendering it: rather than queue behind that render,
            // serve the previous snapshot's page, a second or two old and consistent in itself.
            Page previous = this.latest.getIfPresent(key.uri());
            if (previous != null) {
                this.stale.increment();
                return previous;
            }
            Page page = await(other);
            if (page != null) {
                return page;
            }
            return render(null, snapshot, request, response, chain);
        }
        try {
            Page page = render(key, snapshot, request, response, chain);
            mine.complete(page);
            return page;
        }
        catch (IOException | ServletException | RuntimeException ex) {
            mine.complete(null);
            throw ex;
        }
        finally {
            this.rendering.remove(key, mine);
        }
    }

    private static Page await(CompletableFuture<Page> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return null;
        }
        catch (ExecutionException | TimeoutException ex) {
            return null;
        }
    }

    private Page render(Key key, StatusSnapshot snapshot, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        BufferedResponse buffered = new BufferedResponse(response);
        chain.doFilter(request, buffered);
        if (buffered.passedThrough()) {
            return null;
        }
        byte[] body = buffered.body();
        boolean cacheable = key != null && buffered.getStatus() == HttpServletResponse.SC_OK
                && buffered.getContentType() != null && request.getSession(false) == null
                && !response.containsHeader(HttpHeaders.SET_COOKIE);
        if (!cacheable) {
            response.setContentLength(body.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(body);
            }
            return null;
        }
        this.misses.increment();
        Page page = new Page(buffered.getContentType(), body, gzip(body), etag(body),
                snapshot.builtAt().truncatedTo(ChronoUnit.SECONDS));
        this.cache.put(key, page);
        this.latest.put(key.uri(), page);
        return page;
    }

    private static void serve(Page page, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.ETAG, page.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, page.lastModified().toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (notModified(page, request)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(page.contentType());
        byte[] body = page.body();
        if (page.gzip() != null && acceptsGzip(request)) {
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            body = page.gzip();
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static boolean notModified(Page page, HttpServletRequest request) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String tag : ifNoneMatch.split(",")) {
                String candidate = tag.trim();
                if (candidate.startsWith("W/")) {
                    candidate = candidate.substring(2);
                }
                if (candidate.equals(page.etag()) || candidate.equals("*")) {
                    return true;
                }
            }
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && page.lastModified().toEpochMilli() <= since;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] gzip(byte[] body) throws IOException {
        if (body.length < GZIP_MIN_BYTES) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
