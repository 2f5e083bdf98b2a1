package dev.llmstatus.probe;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.llmstatus.catalog.ProbeDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of {@link ProbeClassifier}, one row each. */
class ProbeClassifierTests {

    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    private static final ProbeDefinition FRONT_DOOR = new ProbeDefinition("GET", URI.create("https://api.example/v1"),
            Set.of(200, 401), Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(60));

    @ParameterizedTest(name = "HTTP {0} in {1} ms, {2} {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            200 | 120  | application/json | {"data":[]}                       | UP           | -        | HTTP 200
            401 | 90   | application/json | {"error":{"type":"auth"}}         | UP           | -        | HTTP 401
            401 | 3000 | application/json | {}                                | UP           | -        | HTTP 401
            401 | 3001 | application/json | {}                                | DEGRADED     | -        | HTTP 401, slower than 3000 ms
            200 | 100  | application/json | {"data":                          | DOWN         | BODY     | HTTP 200, malformed JSON body
            200 | 100  | text/html        | <html>{                           | UP           | -        | HTTP 200
            429 | 80   | application/json | {}                                | RATE_LIMITED | HTTP_4XX | HTTP 429
            403 | 80   | application/json | {"error":"rate_limit_exceeded"}   | RATE_LIMITED | HTTP_4XX | HTTP 403
            408 | 80   | application/json | {"error":"rate_limit_exceeded"}   | DOWN         | HTTP_4XX | unexpected HTTP 408
            404 | 80   | text/html        | not here                          | DOWN         | HTTP_4XX | unexpected HTTP 404
            503 | 80   | text/html        | overloaded_error                  | DOWN         | HTTP_5XX | unexpected HTTP 503
            529 | 80   | application/json | {"type":"overloaded_error"}       | DOWN         | HTTP_5XX | unexpected HTTP 529
            301 | 40   | text/html        | -                                 | DOWN         | BODY     | unexpected HTTP 301
            """)
    void answersAreClassifiedByStatusLatencyAndBody(int status, long millis, String contentType, String body,
            Outcome outcome, ErrorClass errorClass, String detail) {
        byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
        ProbeResult result = ProbeClassifier.answer("acme", "api", AT, FRONT_DOOR, new ProbeClassifier.Answer(status,
                Duration.ofMillis(millis), contentType, null, "TLSv1.3", bytes, false));
        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.errorClass()).isEqualTo(errorClass);
        assertThat(result.detail()).isEqualTo(detail);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.startedAt()).isEqualTo(AT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "rate_limit_error, true", "insufficient_quota, true", "overloaded_error, false", "hello, false" })
    void signaturesInTheBodyAreKept(String signature, boolean rateLimit) {
        ProbeResult result = ProbeClassifier.answer("acme", "api", AT, FRONT_DOOR,
                new ProbeClassifier.Answer(400, Duration.ofMillis(50), "application/json", null, null,
                        ("{\"error\":\"" + signature + "\"}").getBytes(StandardCharsets.UTF_8), false));
        assertThat(result.outcome()).isEqualTo(rateLimit ? Outcome.RATE_LIMITED : Outcome.DOWN);
        if (!"hello".equals(signature)) {
            assertThat(result.signatures()).containsExactly(signature);
        }
    }

    @ParameterizedTest
    @CsvSource({ "429, 30, 'HTTP 429, Retry-After 30'", "200, 30, HTTP 200" })
    void retryAfterIsKeptAndNamedWhenTheDoorRefuses(int status, String retryAfter, String detail) {
        ProbeResult result = ProbeClassifier.answer("acme", "api", AT, FRONT_DOOR, new ProbeClassifier.Answer(status,
                Duration.ofMillis(50), "application/json", retryAfter, null, "{}".getBytes(StandardCharsets.UTF_8),
                false));
        assertThat(result.retryAfter()).isEqualTo(retryAfter);
        assertThat(result.detail()).isEqualTo(detail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void failuresAreClassifiedByWhereTheyHappened(Throwable failure, ErrorClass errorClass, String detail) {
        ProbeResult result = ProbeClassifier.failure("acme", "api", AT, Duration.ofMillis(3000), null, null, failure);
        assertThat(result.outcome()).isEqualTo(Outcome.DOWN);
        assertThat(result.errorClass()).isEqualTo(errorClass);
        assertThat(result.detail()).isEqualTo(detail);
        assertThat(result.networkFailure()).isEqualTo(errorClass == ErrorClass.DNS || errorClass == ErrorClass.CONNECT);
    }

    static Stream<Arguments> failuresAreClassifiedByWhereTheyHappened() {
        return Stream.of(
                row("unknown host", new UnknownHostException("api.example"), ErrorClass.DNS, "DNS lookup failed"),
                row("refused", new ConnectException("Connection refused"), ErrorClass.CONNECT, "connection refused"),
                row("connect timeout", new HttpConnectTimeoutException("HTTP connect timed out"), ErrorClass.CONNECT,
                        "connect timed out"),
                row("unreachable", new IOException("Network is unreachable"), ErrorClass.CONNECT,
                        "network unreachable"),
                row("TLS", new SSLHandshakeException("no cipher suites in common"), ErrorClass.TLS,
                        "TLS handshake failed: no cipher suites in common"),
                row("request timeout", new HttpTimeoutException("request timed out"), ErrorClass.TIMEOUT,
                        "no complete answer within 3000 ms"),
                row("deadline", new TimeoutException(), ErrorClass.TIMEOUT, "no complete answer within 3000 ms"),
                row("reset", new IOException("Connection reset by peer"), ErrorClass.BODY, "connection reset"),
                row("closed", new EOFException("EOF reached while reading"), ErrorClass.BODY,
                        "connection closed without an answer"),
                row("wrapped", new CompletionException(new ConnectException("Connection refused")), ErrorClass.CONNECT,
                        "connection refused"));
    }

    private static Arguments row(String name, Throwable failure, ErrorClass errorClass, String detail) {
        return Arguments.of(Named.of(name, failure), errorClass, detail);
    }

}
