package dev.llmstatus.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests to the application under test on {@code localhost}, one shared client for all integration tests:
 * {@code LocalHttp.at(port).get("/status/stepfun")}.
 */
public final class LocalHttp {

    /** What a browser asks for when it opens a page. */
    public static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final int port;

    private LocalHttp(int port) {
        this.port = port;
    }

    public static LocalHttp at(int port) {
        return new LocalHttp(port);
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    /** A request to the path, to add headers, a method or a body to. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path));
    }

    /** A GET as a browser sends it. */
    public HttpResponse<String> get(String path) {
        return get(path, BROWSER_ACCEPT);
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(request(path).header("Accept", accept).build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return CLIENT.send(request, body);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

}
