package dev.llmstatus.probe;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import dev.llmstatus.catalog.ProbeDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns what came back from a front door (an answer or a failure) into a {@link ProbeResult}. Pure functions, so
 * that every rule has a table test.
 */
final class ProbeClassifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProbeClassifier() {
    }

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param latency time from the start to the end of what we read
     * @param contentType the Content-Type header, or {@code null}
     * @param retryAfter the Retry-After header, or {@code null}
     * @param tls the negotiated TLS protocol, or {@code null}
     * @param body at most the first 64 KiB of the body
     * @param truncated whether the body went on past what we read
     */
    record Answer(int status, Duration latency, String contentType, String retryAfter, String tls, byte[] body,
            boolean truncated) {
    }

    static ProbeResult answer(String provider, String component, Instant startedAt, ProbeDefinition definition,
            Answer answer) {
        int status = answer.status();
        List<String> signatures = ErrorSignatures.find(answer.body());
        Outcome outcome;
        ErrorClass errorClass = null;
        String detail = "HTTP " + status;
        if (definition.expect().contains(status)) {
            if (malformedJson(answer)) {
                outcome = Outcome.DOWN;
                errorClass = ErrorClass.BODY;
                detail += ", malformed JSON body";
            }
            else if (answer.latency().compareTo(definition.latencyThreshold()) > 0) {
                outcome = Outcome.DEGRADED;
                detail += ", slower than " + millis(definition.latencyThreshold());
            }
            else {
                outcome = Outcome.UP;
            }
        }
        else if (status == 429 || (status >= 400 && status < 500 && status != 408
                && ErrorSignatures.any(signatures, ErrorSignatures.Kind.RATE_LIMIT))) {
            outcome = Outcome.RATE_LIMITED;
            errorClass = ErrorClass.HTTP_4XX;
            if (answer.retryAfter() != null) {
                detail += ", Retry-After " + answer.retryAfter();
            }
        }
        else {
            outcome = Outcome.DOWN;
            errorClass = (status >= 500) ? ErrorClass.HTTP_5XX
                    : (status >= 400) ? ErrorClass.HTTP_4XX : ErrorClass.BODY;
            detail = "unexpected " + detail;
        }
        return new ProbeResult(provider, component, startedAt, answer.latency(), status, outcome, errorClass,
                answer.tls(), answer.retryAfter(), answer.contentType(), signatures, detail);
    }

    /**
     * A probe that got no complete answer.
     *
     * @param status the status code when the headers came but the body did not, else {@code null}
     */
    static ProbeResult failure(String provider, String component, Instant startedAt, Duration latency,
            Integer status, String contentType, Throwable failure) {
        ErrorClass errorClass = errorClass(failure);
        return new ProbeResult(provider, component, startedAt, latency, status, Outcome.DOWN, errorClass, null, null,
                contentType, List.of(), describe(errorClass, failure, latency));
    }

    static ErrorClass errorClass(Throwable failure) {
        if (find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedAddressException.class) != null) {
            return ErrorClass.DNS;
        }
        if (find(failure, HttpConnectTimeoutException.class) != null || find(failure, ConnectException.class) != null
                || find(failure, NoRouteToHostException.class) != null || unreachable(failure)) {
            return ErrorClass.CONNECT;
        }
        if (find(failure, SSLException.class) != null) {
            return ErrorClass.TLS;
        }
        if (find(failure, HttpTimeoutException.class) != null || find(failure, TimeoutException.class) != null) {
            return ErrorClass.TIMEOUT;
        }
        return ErrorClass.BODY;
    }

    private static String describe(ErrorClass errorClass, Throwable failure, Duration latency) {
        return switch (errorClass) {
            case DNS -> "DNS lookup failed";
            case CONNECT -> (find(failure, HttpConnectTimeoutException.class) != null) ? "connect timed out"
                    : unreachable(failure) ? "network unreachable" : "connection refused";
            case TLS -> "TLS handshake failed: " + message(find(failure, SSLException.class));
            case TIMEOUT -> "no complete answer within " + millis(latency);
            default -> {
                String message = message(root(failure)).toLowerCase(Locale.ROOT);
                yield message.contains("reset") ? "connection reset"
                        : (message.contains("eof") || message.contains("no bytes") || message.contains("closed"))
                                ? "connection closed without an answer" : "exchange failed: " + message;
            }
        };
    }

    private static boolean malformedJson(Answer answer) {
        if (answer.truncated() || answer.body() == null || answer.body().length == 0 || answer.contentType() == null
                || !answer.contentType().toLowerCase(Locale.ROOT).contains("json")) {
            return false;
        }
        try {
            JSON.readTree(answer.body());
            return false;
        }
        catch (JacksonException ex) {
            return true;
        }
    }

    private static boolean unreachable(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            String message = current.getMessage();
            if (message != null && (message.contains("Network is unreachable") || message.contains("No route to host"))) {
                return true;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
        }
        return null;
    }

    private static Throwable root(Throwable failure) {
        Throwable current = failure;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static String message(Throwable failure) {
        if (failure == null) {
            return "";
        }
        return (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName();
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

}
