package dev.llmstatus.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Serves pages, feeds, badges and API answers from memory: each is rendered once per snapshot version (concurrent
 * misses get the previous snapshot's page while the first one renders), with a strong ETag (a hash of the bytes, so
 * an unchanged page keeps its ETag across snapshots), Last-Modified, a short public max-age with
 * stale-while-revalidate, and a pre-compressed gzip copy. Conditional requests get 304. Which requests may be
 * answered from memory is decided by their handler ({@link CacheableRoutes}), never by the shape of the URL.
 */
@Component
@Order(PageCacheFilter.ORDER)
class PageCacheFilter extends OncePerRequestFilter implements SmartInitializingSingleton {

    /** After the security headers and the API's CORS header, before everything else. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    static final String CACHE_CONTROL = "public, max-age=15, stale-while-revalidate=60";

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

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    private volatile CacheableRoutes routes = new CacheableRoutes(List.of());

    PageCacheFilter(StatusEngine engine, MeterRegistry meters, ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.engine = engine;
        this.mappings = mappings;
        this.hits = Counter.builder("llmstatus.page.cache").tag("result", "hit").register(meters);
        this.misses = Counter.builder("llmstatus.page.cache").tag("result", "miss").register(meters);
        this.stale = Counter.builder("llmstatus.page.cache").tag("result", "stale").register(meters);
    }

    /** Reads the routes once every handler is known; a marked handler that could not be cached stops start-up. */
    @Override
    public void afterSingletonsInstantiated() {
        this.routes = CacheableRoutes.of(this.mappings.orderedStream().toList());
    }

    record Key(long version, String route) {
    }

    record Page(String contentType, byte[] body, byte[] gzip, String etag, Instant lastModified) {
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !"GET".equals(method) && !"HEAD".equals(method);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String route = this.routes.key(request);
        if (route == null) {
            chain.doFilter(request, response);
            return;
        }
        StatusSnapshot snapshot = this.engine.current();
        Key key = new Key(snapshot.version(), route);
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
            Page previous = this.latest.getIfPresent(key.route());
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
                && buffered.getContentType() != null && !response.containsHeader(HttpHeaders.SET_COOKIE);
        if (!cacheable) {
            response.setContentLength(body.length);
            if (!"HEAD".equals(request.getMethod())) {
                response.getOutputStream().write(body);
            }
            return null;
        }
        this.misses.increment();
        String etag = etag(body);
        // The same bytes under a new snapshot keep their validators, so conditional requests still get 304.
        Page previous = this.latest.getIfPresent(key.route());
        Instant lastModified = (previous != null && previous.etag().equals(etag)) ? previous.lastModified()
                : snapshot.builtAt().truncatedTo(ChronoUnit.SECONDS);
        Page page = new Page(buffered.getContentType(), body, gzip(body), etag, lastModified);
        this.cache.put(key, page);
        this.latest.put(key.route(), page);
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
