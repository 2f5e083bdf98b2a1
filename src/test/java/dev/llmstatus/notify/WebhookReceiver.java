package dev.llmstatus.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook target on loopback for tests: records every request (path, headers, body) and answers as scripted per
 * path: a queue of answers, then 200. An answer can hang until {@link #release()}.
 */
final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;

    private final ExecutorService threads = Executors.newCachedThreadPool((runnable) -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });

    private final Queue<Received> received = new ConcurrentLinkedQueue<>();

    private final Map<String, Queue<Answer>> scripts = new ConcurrentHashMap<>();

    private final Map<String, java.util.concurrent.atomic.AtomicInteger> arrivals = new ConcurrentHashMap<>();

    private final CountDownLatch release = new CountDownLatch(1);

    private volatile Duration delay = Duration.ZERO;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.setExecutor(receiver.threads);
        server.createContext("/", receiver::handle);
        server.start();
        return receiver;
    }

    /** A URL on this receiver; {@code host} may be "127.0.0.1" or "localhost", which count as different hosts. */
    String url(String host, String path) {
        return "http://" + host + ":" + this.server.getAddress().getPort() + path;
    }

    String url(String path) {
        return url("127.0.0.1", path);
    }

    WebhookReceiver answer(String path, Answer... answers) {
        this.scripts.computeIfAbsent(path, (key) -> new ConcurrentLinkedQueue<>()).addAll(List.of(answers));
        return this;
    }

    /** Every answer waits this long first (the benchmark's 50 ms target). */
    WebhookReceiver delay(Duration delay) {
        this.delay = delay;
        return this;
    }

    /** Lets every hanging answer finish. */
    void release() {
        this.release.countDown();
    }

    /** Requests that reached the path, answered or not yet. */
    int arrived(String path) {
        var count = this.arrivals.get(path);
        return (count != null) ? count.get() : 0;
    }

    /** How many requests were answered so far. */
    int count() {
        return this.received.size();
    }

    List<Received> received() {
        return new ArrayList<>(this.received);
    }

    List<Received> received(String path) {
        return this.received.stream().filter((r) -> r.path().equals(path)).toList();
    }

    /** Waits until a request matches, failing after the deadline. */
    Received await(Predicate<Received> match, Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            for (Received r : this.received) {
                if (match.test(r)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No matching request within " + deadline + "; got " + this.received.size());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String path = exchange.getRequestURI().getPath();
            this.arrivals.computeIfAbsent(path, (key) -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            Queue<Answer> script = this.scripts.get(path);
            Answer answer = (script != null) ? script.poll() : null;
            if (answer == null) {
                answer = Answer.status(200);
            }
            if (!this.delay.isZero()) {
                Thread.sleep(this.delay.toMillis());
            }
            if (answer.hang()) {
                this.release.await(60, TimeUnit.SECONDS);
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                this.received.add(new Received(path, headers, text, true));
            }
            else {
                this.received.add(new Received(path, headers, text, false));
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        this.release.countDown();
        this.server.stop(0);
        this.threads.shutdownNow();
    }

    /**
     * One request as received.
     *
     * @param accepted whether it was answered with a 2xx
     */
    record Received(String path, Map<String, String> headers, String body, boolean accepted) {

        String header(String name) {
            return this.headers.get(name.toLowerCase());
        }

    }

    /** One scripted answer. */
    record Answer(int status, String retryAfter, boolean hang) {

        static Answer status(int status) {
            return new Answer(status, null, false);
        }

        static Answer retryAfter(int status, String retryAfter) {
            return new Answer(status, retryAfter, false);
        }

        static Answer hanging() {
            return new Answer(200, null, true);
        }

    }

}
