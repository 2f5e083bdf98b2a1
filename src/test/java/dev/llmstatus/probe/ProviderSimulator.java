package dev.llmstatus.probe;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local stand-in for LLM API providers and their status pages: a real HTTP server on loopback with scripted
 * behaviour per path, switchable at runtime ({@link #set}), so that tests, demos and benchmarks never need the
 * internet. Delayed, hanging and trickling answers are driven by a scheduler, not by a thread per request, so a few
 * threads serve thousands of concurrent slow requests.
 * <p>
 * Typical use: {@code simulator.set("/v1/models", Behaviour.status(401)); URI url = simulator.uri("/v1/models");}
 * and later {@code simulator.set("/v1/models", Behaviour.status(503))} to start an outage.
 */
public final class ProviderSimulator implements AutoCloseable {

    static {
        // Streaming servers write each event at once. Without TCP_NODELAY the kernel holds a small write back until
        // the previous one is acknowledged (Nagle), and the client may delay that acknowledgement by up to 40 ms, so
        // tokens would leave late while the simulator believes it sent them on time. The JDK's server reads this
        // once, when it first starts one: a JVM that started a server before this class loaded keeps its setting.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final List<HttpServer> servers = new ArrayList<>();

    private final ExecutorService handlers = Executors.newFixedThreadPool(8, daemon("simulator-http"));

    /** Writes every stream's tokens: enough threads that one slow socket write does not hold up other streams. */
    final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, daemon("simulator-timer"));

    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private final Map<String, Headers> lastHeaders = new ConcurrentHashMap<>();

    private final Map<String, byte[]> lastBodies = new ConcurrentHashMap<>();

    /** Model streams that have sent headers and not yet ended. */
    final AtomicInteger openStreams = new AtomicInteger();

    /** Model streams that have sent their first token and not yet ended. */
    final AtomicInteger streamsPastFirstToken = new AtomicInteger();

    private final Set<HttpExchange> open = ConcurrentHashMap.newKeySet();

    private static final int SENT_LIMIT = 100_000;

    /** What each model stream actually sent and when, by request id, until {@link #drainSent} takes it. */
    private final Map<String, SentStream> sent = new ConcurrentHashMap<>();

    private final AtomicLong requests = new AtomicLong();

    private final ServerSocket resetServer;

    private volatile Behaviour fallback = Behaviour.status(404, "text/plain", "no behaviour for this path");

    private final int port;

    private final String host;

    private ProviderSimulator(List<String> addresses) throws IOException {
        this.port = bind(addresses);
        this.host = addresses.get(0);
        this.resetServer = new ServerSocket(0, 50, InetAddress.getByName(this.host));
        Thread resetter = new Thread(this::resetConnections, "simulator-reset");
        resetter.setDaemon(true);
        resetter.start();
    }

    /** Binds one port on every address: the first address picks a free port, which may be taken on another one. */
    private int bind(List<String> addresses) throws IOException {
        IOException failure = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            int chosen = 0;
            try {
                for (String address : addresses) {
                    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), chosen),
                            4096);
                    this.servers.add(server);
                    chosen = server.getAddress().getPort();
                }
                for (HttpServer server : this.servers) {
                    server.setExecutor(this::dispatch);
                    server.createContext("/", this::handle);
                    server.start();
                }
                return chosen;
            }
            catch (IOException ex) {
                failure = ex;
                this.servers.forEach((server) -> server.stop(0));
                this.servers.clear();
            }
        }
        throw failure;
    }

    /** Starts a simulator on 127.0.0.1 and a free port. */
    public static ProviderSimulator start() {
        return start("127.0.0.1");
    }

    /**
     * Starts a simulator listening on one free port on each of the given loopback addresses (127.0.0.1, 127.0.0.2,
     * ...), so that a catalog can spread its targets over several hosts.
     */
    public static ProviderSimulator start(String... loopbackAddresses) {
        try {
            return new ProviderSimulator(List.of(loopbackAddresses));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot start the provider simulator", ex);
        }
    }

    public int port() {
        return this.port;
    }

    /** The URL of a path on the first address. */
    public URI uri(String path) {
        return uri(this.host, path);
    }

    /** The URL of a path on one of the addresses (or a name such as {@code localhost} that resolves to it). */
    public URI uri(String host, String path) {
        return URI.create("http://" + host + ":" + this.port + path);
    }

    /** A URL on a separate port whose server accepts connections and resets them (TCP RST) without answering. */
    public URI resetUri(String path) {
        return URI.create("http://" + this.host + ":" + this.resetServer.getLocalPort() + path);
    }

    /** Switches a path's behaviour; takes effect for the next request. */
    public ProviderSimulator set(String path, Behaviour behaviour) {
        this.behaviours.put(path, behaviour);
        return this;
    }

    /** The behaviour of every path that has none of its own (404 until set). */
    public ProviderSimulator setDefault(Behaviour behaviour) {
        this.fallback = behaviour;
        return this;
    }

    /** Requests received for a path. */
    public int hits(String path) {
        AtomicInteger count = this.hits.get(path);
        return (count != null) ? count.get() : 0;
    }

    /** The body of the latest request for a path, or {@code null}. */
    public String lastBody(String path) {
        byte[] body = this.lastBodies.get(path);
        return (body != null) ? new String(body, StandardCharsets.UTF_8) : null;
    }

    /** Model streams ({@link Behaviour#model}) whose headers are sent and that have not ended yet. */
    public int openStreams() {
        return this.openStreams.get();
    }

    /** Model streams that have sent at least one token and have not ended yet. */
    public int streamsPastFirstToken() {
        return this.streamsPastFirstToken.get();
    }

    /**
     * Takes the record of every model stream that has ended since the last call: when each actually wrote its first
     * and last token, so that a benchmark can tell the simulator's own lateness from the client's.
     */
    public List<SentStream> drainSent() {
        List<SentStream> ended = new ArrayList<>();
        for (SentStream stream : this.sent.values()) {
            if (stream.ended && this.sent.remove(stream.requestId, stream)) {
                ended.add(stream);
            }
        }
        return ended;
    }

    /** Starts the record of one model stream; at most {@value #SENT_LIMIT} are kept until drained. */
    SentStream sending(String requestId, long receivedNanos, Duration ttft, double tokensPerSecond) {
        long now = System.nanoTime();
        SentStream stream = new SentStream(requestId, receivedNanos, Instant.now().minusNanos(now - receivedNanos),
                ttft.toNanos(), tokensPerSecond);
        Long dispatched = DISPATCHED.get();
        stream.queuedNanos = (dispatched != null) ? now - dispatched : 0;
        if (this.sent.size() < SENT_LIMIT) {
            this.sent.put(requestId, stream);
        }
        return stream;
    }

    /**
     * What the simulator actually did on one model stream. Times are {@link System#nanoTime()} after the request was
     * handed to the model (the moment its script starts from), taken right after each write was flushed to the
     * socket; {@code receivedAt} is the same moment on the wall clock, for comparing with another process's clock.
     */
    public static final class SentStream {

        final String requestId;

        private final long receivedNanos;

        final Instant receivedAt;

        final long scriptedTtftNanos;

        final double scriptedTokensPerSecond;

        volatile long firstWrittenNanos;

        volatile long lastWrittenNanos;

        volatile int tokensWritten;

        volatile boolean ended;

        /**
         * How long after the server's dispatcher handed the request over the model code ran: the wait for a handler
         * thread (on a new connection also the wait for the request itself). On a connection in use the script's
         * clock started at the hand-over, so this wait is not in the scripted time.
         */
        volatile long queuedNanos;

        private SentStream(String requestId, long receivedNanos, Instant receivedAt, long scriptedTtftNanos,
                double scriptedTokensPerSecond) {
            this.requestId = requestId;
            this.receivedNanos = receivedNanos;
            this.receivedAt = receivedAt;
            this.scriptedTtftNanos = scriptedTtftNanos;
            this.scriptedTokensPerSecond = scriptedTokensPerSecond;
        }

        void written(long nanos) {
            if (this.tokensWritten == 0) {
                this.firstWrittenNanos = nanos - this.receivedNanos;
            }
            this.lastWrittenNanos = nanos - this.receivedNanos;
            this.tokensWritten++;
        }

        public String requestId() {
            return this.requestId;
        }

        /** When the request reached the model, on this machine's wall clock. */
        public Instant receivedAt() {
            return this.receivedAt;
        }

        /** The first token's actual delay after the request reached the model (the scripted TTFT plus lateness). */
        public long firstWrittenNanos() {
            return this.firstWrittenNanos;
        }

        public long lastWrittenNanos() {
            return this.lastWrittenNanos;
        }

        public int tokensWritten() {
            return this.tokensWritten;
        }

        public long queuedNanos() {
            return this.queuedNanos;
        }

        public long scriptedTtftNanos() {
            return this.scriptedTtftNanos;
        }

        public double scriptedTokensPerSecond() {
            return this.scriptedTokensPerSecond;
        }

        /** One line: request id, received at (epoch microseconds), first and last written (ns), tokens, script. */
        String line() {
            long micros = this.receivedAt.getEpochSecond() * 1_000_000L + this.receivedAt.getNano() / 1000;
            return this.requestId + ' ' + micros + ' ' + this.firstWrittenNanos + ' ' + this.lastWrittenNanos + ' '
                    + this.tokensWritten + ' ' + this.scriptedTtftNanos + ' ' + this.scriptedTokensPerSecond + ' '
                    + this.queuedNanos;
        }

        /** Reads a {@link #line()} back (in the process that asked another one for them). */
        public static SentStream parse(String line) {
            String[] fields = line.split(" ");
            long micros = Long.parseLong(fields[1]);
            SentStream stream = new SentStream(fields[0], 0,
                    Instant.ofEpochSecond(micros / 1_000_000L, (micros % 1_000_000L) * 1000),
                    Long.parseLong(fields[5]), Double.parseDouble(fields[6]));
            stream.firstWrittenNanos = Long.parseLong(fields[2]);
            stream.lastWrittenNanos = Long.parseLong(fields[3]);
            stream.tokensWritten = Integer.parseInt(fields[4]);
            stream.queuedNanos = Long.parseLong(fields[7]);
            stream.ended = true;
            return stream;
        }

    }

    /** Requests received on every path. */
    public long requests() {
        return this.requests.get();
    }

    /** The headers of the latest request for a path, or {@code null}. */
    public Headers lastHeaders(String path) {
        return this.lastHeaders.get(path);
    }

    @Override
    public void close() {
        this.servers.forEach((server) -> server.stop(0));
        this.open.forEach(HttpExchange::close);
        this.scheduler.shutdownNow();
        this.handlers.shutdownNow();
        try {
            this.resetServer.close();
        }
        catch (IOException ex) {
            // closing anyway
        }
    }

    private void handle(HttpExchange exchange) {
        long handling = System.nanoTime();
        if (this.usedConnections.size() > SENT_LIMIT) {
            this.usedConnections.clear();
        }
        Long dispatched = DISPATCHED.get();
        boolean reused = !this.usedConnections.add(exchange.getRemoteAddress());
        ARRIVED.set((reused && dispatched != null) ? dispatched : handling);
        String path = exchange.getRequestURI().getPath();
        this.requests.incrementAndGet();
        this.hits.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
        this.lastHeaders.put(path, exchange.getRequestHeaders());
        try (InputStream body = exchange.getRequestBody()) {
            this.lastBodies.put(path, body.readNBytes(64 * 1024));
            body.transferTo(OutputStream.nullOutputStream());
        }
        catch (IOException ex) {
            exchange.close();
            return;
        }
        Behaviour behaviour = this.behaviours.getOrDefault(path, this.fallback);
        this.open.add(exchange);
        behaviour.start(exchange, this);
    }

    /** Hands an exchange from the server's dispatcher thread to a handler thread, noting when. */
    private void dispatch(Runnable exchange) {
        long dispatched = System.nanoTime();
        this.handlers.execute(() -> {
            DISPATCHED.set(dispatched);
            try {
                exchange.run();
            }
            finally {
                DISPATCHED.remove();
                ARRIVED.remove();
            }
        });
    }

    /**
     * When the current request reached the simulator ({@link System#nanoTime()}): a model's script runs from here. On
     * a connection that served a request before, that is when the server's dispatcher took it, so a wait for a free
     * handler thread is not added to the scripted time. A new connection's exchange is handed over as soon as the
     * connection is accepted, before the request is even sent, so there it is when the handler had read the request.
     */
    static long arrivedNanos() {
        Long arrived = ARRIVED.get();
        return (arrived != null) ? arrived : System.nanoTime();
    }

    private static final ThreadLocal<Long> DISPATCHED = new ThreadLocal<>();

    private static final ThreadLocal<Long> ARRIVED = new ThreadLocal<>();

    /** Connections that have sent a request, by the client's address and port (bounded: cleared when large). */
    private final Set<java.net.InetSocketAddress> usedConnections = ConcurrentHashMap.newKeySet();

    void finish(HttpExchange exchange) {
        this.open.remove(exchange);
        exchange.close();
    }

    private void resetConnections() {
        while (!this.resetServer.isClosed()) {
            try {
                Socket socket = this.resetServer.accept();
                socket.setSoLinger(true, 0);
                this.scheduler.schedule(() -> {
                    try {
                        socket.close();
                    }
                    catch (IOException ex) {
                        // already gone
                    }
                }, 50, TimeUnit.MILLISECONDS);
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return (runnable) -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * What a path does. Immutable; build one with the factory methods.
     */
    public static final class Behaviour {

        private enum Mode {

            ANSWER, HANG, TRICKLE, CLOSE, MODEL

        }

        private final Mode mode;

        private final int status;

        private final Map<String, String> headers;

        private final byte[] body;

        private final Duration delay;

        private final SimulatedModel model;

        private Behaviour(Mode mode, int status, Map<String, String> headers, byte[] body, Duration delay) {
            this(mode, status, headers, body, delay, null);
        }

        private Behaviour(Mode mode, int status, Map<String, String> headers, byte[] body, Duration delay,
                SimulatedModel model) {
            this.mode = mode;
            this.status = status;
            this.headers = headers;
            this.body = body;
            this.delay = delay;
            this.model = model;
        }

        /** An inference endpoint answering as the script says (see {@link SimulatedModel}). */
        public static Behaviour model(SimulatedModel model) {
            return new Behaviour(Mode.MODEL, 0, Map.of(), new byte[0], Duration.ZERO, model);
        }

        /** An answer with a small JSON error body in the OpenAI style (200 gets {@code {"ok":true}}). */
        public static Behaviour status(int status) {
            String body = (status < 400) ? "{\"ok\":true}"
                    : "{\"error\":{\"message\":\"simulated " + status + "\",\"type\":\"" + errorType(status)
                            + "\",\"code\":\"" + errorType(status) + "\"}}";
            return status(status, "application/json", body);
        }

        public static Behaviour status(int status, String contentType, String body) {
            return new Behaviour(Mode.ANSWER, status, Map.of("Content-Type", contentType),
                    body.getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        }

        /** An answer whose body is exactly these bytes (a UTF-16 document, say). */
        public static Behaviour bytes(int status, String contentType, byte[] body) {
            return new Behaviour(Mode.ANSWER, status, Map.of("Content-Type", contentType), body.clone(), Duration.ZERO);
        }

        /** HTTP 429 with a Retry-After header and an Anthropic-style {@code rate_limit_error} body. */
        public static Behaviour rateLimited(String retryAfter) {
            return new Behaviour(Mode.ANSWER, 429,
                    Map.of("Content-Type", "application/json", "Retry-After", retryAfter),
                    "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"simulated\"}}"
                        .getBytes(StandardCharsets.UTF_8),
                    Duration.ZERO);
        }

        /** HTTP 529 with Anthropic's {@code overloaded_error} body. */
        public static Behaviour overloaded() {
            return status(529, "application/json",
                    "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}");
        }

        /** Accepts the request and never answers. */
        public static Behaviour hang() {
            return new Behaviour(Mode.HANG, 0, Map.of(), new byte[0], Duration.ZERO);
        }

        /** Sends 200 headers at once, then one byte of body per {@code every}, for a long time. */
        public static Behaviour trickle(Duration every) {
            return new Behaviour(Mode.TRICKLE, 200, Map.of("Content-Type", "application/json"), new byte[0], every);
        }

        /** Closes the connection without any answer. */
        public static Behaviour closeWithoutAnswer() {
            return new Behaviour(Mode.CLOSE, 0, Map.of(), new byte[0], Duration.ZERO);
        }

        /** 200 with a JSON body of about the given size. */
        public static Behaviour largeBody(int bytes) {
            byte[] body = new byte[bytes];
            Arrays.fill(body, (byte) 'x');
            byte[] start = "{\"data\":\"".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(start, 0, body, 0, start.length);
            body[bytes - 2] = '"';
            body[bytes - 1] = '}';
            return new Behaviour(Mode.ANSWER, 200, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        /** 200 with a JSON content type and a body that is not JSON. */
        public static Behaviour malformedJson() {
            return status(200, "application/json", "{\"data\": [1, 2,");
        }

        /** The same answer, sent after a delay (without holding a thread meanwhile). */
        public Behaviour after(Duration delay) {
            return new Behaviour(this.mode, this.status, this.headers, this.body, delay, this.model);
        }

        private static String errorType(int status) {
            return switch (status) {
                case 401 -> "invalid_api_key";
                case 429 -> "rate_limit_exceeded";
                case 503 -> "service_unavailable";
                default -> (status >= 500) ? "server_error" : "invalid_request_error";
            };
        }

        private void start(HttpExchange exchange, ProviderSimulator simulator) {
            switch (this.mode) {
                case HANG -> {
                    // kept open until the client gives up or the simulator closes
                }
                case CLOSE -> simulator.finish(exchange);
                case TRICKLE -> startTrickle(exchange, simulator);
                case MODEL -> this.model.start(exchange, simulator);
                case ANSWER -> {
                    if (this.delay.isZero()) {
                        answer(exchange, simulator);
                    }
                    else {
                        simulator.scheduler.schedule(() -> simulator.handlers.execute(() -> answer(exchange, simulator)),
                                this.delay.toMillis(), TimeUnit.MILLISECONDS);
                    }
                }
            }
        }

        private void answer(HttpExchange exchange, ProviderSimulator simulator) {
            try {
                this.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(this.status, (head || this.body.length == 0) ? -1 : this.body.length);
                if (!head && this.body.length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(this.body);
                    }
                }
            }
            catch (IOException ex) {
                // the client went away (a probe stops reading after 64 KiB)
            }
            finally {
                simulator.finish(exchange);
            }
        }

        private void startTrickle(HttpExchange exchange, ProviderSimulator simulator) {
            try {
                this.headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
                exchange.sendResponseHeaders(this.status, 0);
            }
            catch (IOException ex) {
                simulator.finish(exchange);
                return;
            }
            OutputStream out = exchange.getResponseBody();
            ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
            task[0] = simulator.scheduler.scheduleAtFixedRate(() -> {
                try {
                    out.write(' ');
                    out.flush();
                }
                catch (IOException ex) {
                    task[0].cancel(false);
                    simulator.finish(exchange);
                }
            }, 0, this.delay.toMillis(), TimeUnit.MILLISECONDS);
        }

    }

    /**
     * A Statuspage v2 {@code summary.json}.
     * @param components official component name to Statuspage status word ({@code operational},
     * {@code degraded_performance}, {@code partial_outage}, {@code major_outage}, {@code under_maintenance})
     * @param incident the name of an unresolved incident, or {@code null} for none
     */
    public static String statuspageSummary(String pageUrl, Map<String, String> components, String incident,
            Instant incidentStart) {
        String worst = components.values()
            .stream()
            .map((status) -> switch (status) {
                case "major_outage" -> "critical";
                case "partial_outage" -> "major";
                case "degraded_performance" -> "minor";
                case "under_maintenance" -> "maintenance";
                default -> "none";
            })
            .reduce("none", (a, b) -> rank(b) > rank(a) ? b : a);
        if (incident != null && worst.equals("none")) {
            worst = "minor";
        }
        String description = switch (worst) {
            case "none" -> "All Systems Operational";
            case "minor" -> "Minor Service Outage";
            case "major" -> "Partial System Outage";
            case "critical" -> "Major Service Outage";
            default -> "Service Under Maintenance";
        };
        StringBuilder json = new StringBuilder("{\"page\":{\"id\":\"sim\",\"name\":\"Simulated\",\"url\":\"")
            .append(pageUrl)
            .append("\",\"updated_at\":\"")
            .append(Instant.now())
            .append("\"},\"status\":{\"indicator\":\"")
            .append(worst)
            .append("\",\"description\":\"")
            .append(description)
            .append("\"},\"components\":")
            .append(componentList(components))
            .append(",\"incidents\":[");
        if (incident != null) {
            Instant later = incidentStart.plusSeconds(600);
            json.append("{\"id\":\"sim-")
                .append(incidentStart.getEpochSecond())
                .append("\",\"name\":\"")
                .append(incident)
                .append("\",\"status\":\"identified\",\"impact\":\"")
                .append(worst.equals("maintenance") ? "none" : worst)
                .append("\",\"shortlink\":\"")
                .append(pageUrl)
                .append("/incidents/sim\",\"created_at\":\"")
                .append(incidentStart)
                .append("\",\"resolved_at\":null,\"components\":[");
            List<String> affected = components.entrySet()
                .stream()
                .filter((entry) -> !entry.getValue().equals("operational"))
                .map(Map.Entry::getKey)
                .toList();
            for (int j = 0; j < affected.size(); j++) {
                json.append((j > 0) ? "," : "").append("{\"name\":\"").append(affected.get(j)).append("\"}");
            }
            json.append("],\"incident_updates\":[")
                .append("{\"status\":\"identified\",\"body\":\"The issue has been identified and a fix is being "
                        + "implemented.\",\"display_at\":\"")
                .append(later.isAfter(Instant.now()) ? incidentStart.plusSeconds(1) : later)
                .append("\"},{\"status\":\"investigating\",\"body\":\"We are investigating elevated error rates.\","
                        + "\"display_at\":\"")
                .append(incidentStart)
                .append("\"}]}");
        }
        return json.append("],\"scheduled_maintenances\":[]}").toString();
    }

    /** A Statuspage v2 {@code components.json}. */
    public static String statuspageComponents(Map<String, String> components) {
        return "{\"page\":{\"id\":\"sim\"},\"components\":" + componentList(components) + "}";
    }

    private static String componentList(Map<String, String> components) {
        StringBuilder json = new StringBuilder("[");
        int i = 0;
        for (Map.Entry<String, String> component : components.entrySet()) {
            json.append((i > 0) ? "," : "")
                .append("{\"id\":\"c")
                .append(i++)
                .append("\",\"name\":\"")
                .append(component.getKey())
                .append("\",\"status\":\"")
                .append(component.getValue())
                .append("\",\"group\":false}");
        }
        return json.append("]").toString();
    }

    /**
     * One incident in an Atom feed.
     * @param text the entry's content, newest update first, the way status pages write it
     */
    public record FeedEntry(String id, String title, String text, Instant at) {
    }

    /** An Atom incident feed in the Statuspage style. */
    public static String atomFeed(String pageUrl, FeedEntry... entries) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en-US\">\n<id>" + pageUrl + "/history</id>\n"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"" + pageUrl + "\"/>\n<title>Simulated status</title>\n"
                + "<updated>" + Instant.now() + "</updated>\n");
        for (FeedEntry entry : entries) {
            xml.append("<entry>\n<id>")
                .append(entry.id())
                .append("</id>\n<published>")
                .append(entry.at())
                .append("</published>\n<updated>")
                .append(entry.at())
                .append("</updated>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
                .append(pageUrl)
                .append("/incidents/")
                .append(entry.id().replaceAll("\\W", ""))
                .append("\"/>\n<title>")
                .append(entry.title())
                .append("</title>\n<content type=\"html\">")
                .append(entry.text().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append("</content>\n</entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    /**
     * Serves fast model streams to itself, a hundred at a time, so that the JIT has compiled the request and token
     * paths before the first real client arrives; then forgets them.
     */
    private void warmUp(int streams) throws IOException {
        if (streams <= 0) {
            return;
        }
        String path = "/__simulator/warm-up";
        set(path, Behaviour.model(SimulatedModel.of(SimulatedModel.Wire.OPENAI_CHAT)
            .ttft(Duration.ofMillis(1))
            .tokensPerSecond(1000)
            .tokens(20)));
        HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build();
        HttpRequest request = HttpRequest.newBuilder(uri(path))
            .header("Authorization", "Bearer sk-warm-up")
            .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}"))
            .build();
        for (int sent = 0; sent < streams; sent += 100) {
            List<CompletableFuture<?>> batch = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                batch.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()));
            }
            try {
                CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new))
                    .join();
            }
            catch (CompletionException ex) {
                throw new IOException("warm-up failed", ex);
            }
        }
        this.behaviours.remove(path);
        this.hits.remove(path);
        drainSent();
    }

    /** In {@link #serve} mode: what {@link #drainSent} returns, one {@link SentStream} line each. */
    public static final String SENT_PATH = "/__simulator/sent";

    private void answerSent(HttpExchange exchange) {
        StringBuilder lines = new StringBuilder();
        drainSent().forEach((stream) -> lines.append(stream.line()).append('\n'));
        try {
            byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, (bytes.length > 0) ? bytes.length : -1);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
        catch (IOException ex) {
            // the benchmark went away
        }
        finally {
            exchange.close();
        }
    }

    private static int rank(String indicator) {
        return List.of("none", "maintenance", "minor", "major", "critical").indexOf(indicator);
    }


    /**
     * Runs a simulator on its own until standard input closes, for benchmarks and manual tests (started through
     * {@code TestLlmStatusApplication --simulator-only}). Options: {@code --bind=127.0.0.1,127.0.0.2} (loopback
     * addresses), {@code --delay=200ms} (every path answers 200 after the delay), or {@code --model-ttft=500ms
     * --model-rate=50 --model-tokens=20} (every path is an OpenAI-style streaming model), {@code --warm-up=2000} (serves
     * that many fast streams to itself first). Prints {@code port=N} once listening; {@value #SENT_PATH} answers what
     * the model streams actually sent ({@link SentStream} lines).
     */
    public static void serve(Map<String, String> options) throws IOException {
        ProviderSimulator simulator = start(options.getOrDefault("bind", "127.0.0.1").split(","));
        Duration delay = org.springframework.boot.convert.DurationStyle
            .detectAndParse(options.getOrDefault("delay", "0ms"));
        simulator.setDefault(Behaviour.status(200, "application/json", "{\"object\":\"list\",\"data\":[]}")
            .after(delay));
        if (options.containsKey("model-ttft")) {
            simulator.setDefault(Behaviour.model(SimulatedModel.of(SimulatedModel.Wire.OPENAI_CHAT)
                .ttft(org.springframework.boot.convert.DurationStyle.detectAndParse(options.get("model-ttft")))
                .tokensPerSecond(Double.parseDouble(options.getOrDefault("model-rate", "50")))
                .tokens(Integer.parseInt(options.getOrDefault("model-tokens", "20")))));
        }
        simulator.servers.forEach((server) -> server.createContext(SENT_PATH, simulator::answerSent));
        simulator.warmUp(Integer.parseInt(options.getOrDefault("warm-up", "0")));
        System.out.println("port=" + simulator.port());
        System.out.flush();
        while (System.in.read() != -1) {
            // runs until the parent closes our input
        }
        simulator.close();
    }

}
