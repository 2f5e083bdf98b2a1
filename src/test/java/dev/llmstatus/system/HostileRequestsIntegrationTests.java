package dev.llmstatus.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.llmstatus.support.ScriptedSiteTests;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz test: every route of the URL map (README) crossed with a table of hostile requests (encodings, path
 * parameters, methods, headers, bodies, sizes), sent as raw bytes over a socket so that malformed requests reach
 * the server as written. Every answer must be below 500 (except the 501/505 that HTTP prescribes for an unknown
 * transfer coding or protocol version), name no exception or stack frame, carry the security headers, and never
 * echo the payload unescaped; and nothing may reach the log at ERROR, or forge a log line.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.root=info", "logging.level.dev.llmstatus=debug" })
class HostileRequestsIntegrationTests extends ScriptedSiteTests {

    /** A payload that would be markup if echoed raw. */
    private static final String PAYLOAD = "<x7 onload=alert(7)>";

    private static final String PAYLOAD_ENCODED = "%3Cx7%20onload%3Dalert(7)%3E";

    private static final Pattern QUALIFIED_EXCEPTION = Pattern
        .compile("\\b(java|jakarta|javax|org|dev|tools|com)\\.[\\w.]+(Exception|Error)\\b");

    /** The URL map of the README and the notification routes, one concrete URL per route. */
    private static final List<String> ROUTES = List.of("/", "/?q=stepfun", "/status/stepfun", "/status/stepfun/reports",
            "/status/stepfun/models/step-1", "/errors", "/api/v1/providers/stepfun/models.json", "/notify/subscribe",
            "/notify/confirm/abc", "/notify/manage/abc", "/notify/manage/abc/resume", "/notify/unsubscribe/abc",
            "/api/v1/subscriptions",
            "/is-stepfun-down", "/status/stepfun/errors", "/status/stepfun/errors/429-rate-limit-exceeded",
            "/status/stepfun/errors/429", "/errors/429-rate-limit-exceeded", "/errors/lookup",
            "/status/stepfun/history.atom", "/status/stepfun/history.rss", "/badge/stepfun.svg",
            "/api/v1/summary.json", "/api/v1/providers/stepfun/summary.json", "/status/stepfun/api/v2/summary.json",
            "/sitemap.xml", "/robots.txt", "/actuator/health", "/actuator/info", "/actuator/prometheus", "/actuator",
            "/css/site.css", "/no-such-page");

    private static final String MANY_PARAMETERS = IntStream.range(0, 1200)
        .mapToObj((i) -> "p" + i + "=" + i)
        .collect(Collectors.joining("&"));

    /** Hostile requests by name: each builds the raw request for a route. */
    private static final Map<String, Function<String, String>> CASES = cases();

    private static Map<String, Function<String, String>> cases() {
        Map<String, Function<String, String>> cases = new LinkedHashMap<>();
        cases.put("path parameter", (path) -> rawGet(path + ";v=" + PAYLOAD_ENCODED, ""));
        cases.put("percent-encoded path", (path) -> rawGet(path.replace("s", "%73"), ""));
        cases.put("encoded slash", (path) -> rawGet(path + "%2F..%2F", ""));
        cases.put("NUL byte", (path) -> rawGet(path + "%00", ""));
        cases.put("invalid UTF-8", (path) -> rawGet(path + "%C0%AF%ff", ""));
        cases.put("bad escape", (path) -> rawGet(path + "%zz", ""));
        cases.put("raw brackets", (path) -> rawGet(path + "[x]", ""));
        cases.put("dot segments", (path) -> rawGet("/../.." + path, ""));
        cases.put("query %ff", (path) -> rawGet(path + "?q=%ff", ""));
        cases.put("query %zz", (path) -> rawGet(path + "?q=%zz", ""));
        cases.put("query lone %", (path) -> rawGet(path + "?q=%", ""));
        cases.put("query forging a log line", (path) -> rawGet(path + "?q=abc%0d%0aFORGED%20ERROR%20line", ""));
        cases.put("query payload", (path) -> rawGet(path + "?q=" + PAYLOAD_ENCODED + "&" + PAYLOAD_ENCODED + "=1", ""));
        cases.put("1,200 parameters", (path) -> rawGet(path + "?" + MANY_PARAMETERS, ""));
        cases.put("URL over the limit", (path) -> rawGet(path + "?q=" + "a".repeat(120_000), ""));
        cases.put("empty Accept", (path) -> rawGet(path, "Accept:\r\n"));
        cases.put("odd Accept", (path) -> rawGet(path, "Accept: application/x-" + PAYLOAD_ENCODED + ";q=bogus\r\n"));
        cases.put("spoofed Host", (path) -> request("GET", path, "evil.example", "", ""));
        cases.put("Host with payload", (path) -> request("GET", path, "a" + PAYLOAD.replace(" ", ""), "", ""));
        cases.put("header over the limit", (path) -> rawGet(path, "X-Big: " + "b".repeat(120_000) + "\r\n"));
        cases.put("unmet Expect", (path) -> rawGet(path, "Expect: 100-nope\r\n"));
        cases.put("unknown transfer coding", (path) -> rawGet(path, "Transfer-Encoding: bogus\r\n"));
        cases.put("bogus validators", (path) -> rawGet(path, "If-None-Match: \"" + PAYLOAD + "\"\r\n"
                + "If-Modified-Since: yesterday\r\nRange: bytes=99999999-\r\nAccept-Encoding: gzip;q=x\r\n"));
        cases.put("cookie payload", (path) -> rawGet(path, "Cookie: report-thanks=" + PAYLOAD_ENCODED + "; =; x\r\n"));
        cases.put("forwarded headers", (path) -> rawGet(path, "X-Forwarded-For: " + PAYLOAD + "\r\nX-Forwarded-Host: "
                + "evil.example\r\nX-Forwarded-Proto: gopher\r\nForwarded: for=\"" + PAYLOAD + "\"\r\n"));
        cases.put("HTTP/1.0", (path) -> "GET " + path + " HTTP/1.0\r\n\r\n");
        cases.put("HTTP/9.9", (path) -> "GET " + path + " HTTP/9.9\r\nHost: localhost\r\n\r\n");
        cases.put("HEAD", (path) -> request("HEAD", path, "localhost", "", ""));
        cases.put("OPTIONS", (path) -> request("OPTIONS", path, "localhost", "", ""));
        cases.put("TRACE", (path) -> request("TRACE", path, "localhost", "", ""));
        cases.put("DELETE", (path) -> request("DELETE", path, "localhost", "", ""));
        cases.put("PUT with a body", (path) -> form("PUT", path, "", "type=SLOW"));
        cases.put("unknown method", (path) -> request("FROB", path, "localhost", "", ""));
        cases.put("POST form", (path) -> form("POST", path, "", "type=SLOW&comment=" + PAYLOAD_ENCODED));
        cases.put("POST fields in the query only", (path) -> form("POST", path + "?type=SLOW", "", ""));
        cases.put("POST cross-site", (path) -> form("POST", path, "Origin: https://evil.example\r\n", "type=SLOW"));
        cases.put("POST cross-site fetch", (path) -> form("POST", path, "Sec-Fetch-Site: cross-site\r\n",
                "type=SLOW"));
        cases.put("POST Origin null", (path) -> form("POST", path, "Origin: null\r\n", "type=SLOW"));
        cases.put("POST malformed form", (path) -> form("POST", path, "", "type=%zz&comment=%"));
        cases.put("POST 200 KB form", (path) -> form("POST", path, "", "comment=" + "c".repeat(200_000)));
        cases.put("POST 100 fields", (path) -> form("POST", path, "", IntStream.range(0, 100)
            .mapToObj((i) -> "f" + i + "=" + i)
            .collect(Collectors.joining("&"))));
        cases.put("POST malformed multipart", (path) -> raw("POST", path,
                "Content-Type: multipart/form-data; boundary=zz\r\n", "--zz\r\nContent-Disposition: form-data\r\n"
                        + "\r\ngarbage without an end"));
        cases.put("POST JSON payload", (path) -> raw("POST", path, "Content-Type: application/json\r\n",
                "{\"type\": \"" + PAYLOAD + "\", \"x\": [[[[[[[[[[1]]]]]]]]]]"));
        cases.put("POST bogus content type", (path) -> raw("POST", path, "Content-Type: " + PAYLOAD_ENCODED
                + "/;;charset=nonesuch\r\n", "type=SLOW"));
        cases.put("POST form in a bogus charset", (path) -> raw("POST", path,
                "Content-Type: application/x-www-form-urlencoded; charset=nonesuch\r\n", "type=SLOW"));
        cases.put("POST chunked form", (path) -> "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close"
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "9\r\ntype=SLOW\r\n0\r\n\r\n");
        cases.put("POST short body", (path) -> "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close"
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50\r\n\r\ntype=SLOW");
        return cases;
    }

    @Test
    void everyRouteAnswersEveryHostileRequestWithACleanAnswer(CapturedOutput output) throws Exception {
        this.engine.rebuild();
        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (String route : ROUTES) {
            // Retry code samples name exceptions (java.io.IOException): those the plain page has are content.
            Set<String> content = exceptionNames(send(rawGet(route, "")).body());
            for (Map.Entry<String, Function<String, String>> hostile : CASES.entrySet()) {
                String request = hostile.getValue().apply(route);
                Answer answer = send(request);
                sent++;
                String problem = problem(hostile.getKey(), answer, content);
                if (problem != null) {
                    problems.add(hostile.getKey() + " on " + route + ": " + problem);
                }
            }
        }
        System.out.printf("hostile requests: %d sent, %d problems%n", sent, problems.size());
        assertThat(problems).isEmpty();
        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).noneMatch((line) -> line.contains(" ERROR "))
            .noneMatch((line) -> line.startsWith("FORGED"))
            .noneMatch((line) -> line.contains(PAYLOAD));
    }

    @Test
    void crossSitePostsGetA403PageFieldsComeFromTheBodyOnlyAndNoHeaderIsTrusted() throws Exception {
        this.engine.rebuild();
        Answer crossSite = send(form("POST", "/status/stepfun/reports",
                "Accept: text/html\r\nOrigin: https://evil.example\r\n", "type=SLOW"));
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.body()).contains("We only take forms sent from our own pages");
        assertThat(send(form("POST", "/status/deepseek/reports", "Sec-Fetch-Site: cross-site\r\n", "type=SLOW"))
            .status()).isEqualTo(403);
        assertThat(send(form("POST", "/status/stepfun/reports?type=SLOW", "", "")).status()).isEqualTo(400);
        // A provider the fuzz table never posts to: its reports there may already have used the per-provider limit.
        Answer sameOrigin = send(request("POST", "/status/moonshot/reports", "evil.example",
                "Origin: http://evil.example\r\nSec-Fetch-Site: same-origin\r\nX-Forwarded-For: 203.0.113.1\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 9\r\n", "type=SLOW"));
        assertThat(sameOrigin.status()).isEqualTo(302);
        assertThat(sameOrigin.head()).contains("Location: /status/moonshot#report");
        // No proxy is trusted by default: another X-Forwarded-For is still the same person.
        Answer spoofed = send(form("POST", "/status/moonshot/reports", "X-Forwarded-For: 203.0.113.2\r\n",
                "type=SLOW"));
        assertThat(spoofed.status()).isEqualTo(429);
        assertThat(send(rawGet("/actuator", "")).status()).isEqualTo(404);
    }

    private static Set<String> exceptionNames(String body) {
        return QUALIFIED_EXCEPTION.matcher(body).results().map(MatchResult::group).collect(Collectors.toSet());
    }

    private static String problem(String hostile, Answer answer, Set<String> content) {
        if (answer.status() < 0) {
            return "no HTTP answer: " + answer.head();
        }
        boolean prescribed5xx = (answer.status() == 501 && hostile.equals("unknown transfer coding"))
                || (answer.status() == 505 && hostile.equals("HTTP/9.9"))
                || (answer.status() == 501 && hostile.equals("unknown method"));
        if (answer.status() >= 500 && !prescribed5xx) {
            return "status " + answer.status();
        }
        String head = answer.head().toLowerCase(Locale.ROOT);
        for (String header : List.of("content-security-policy:", "x-content-type-options: nosniff",
                "x-frame-options: deny", "referrer-policy:")) {
            if (!head.contains(header)) {
                return "no " + header + " header (status " + answer.status() + ")";
            }
        }
        if (head.contains("location: http") || head.contains("evil.example")) {
            return "absolute or spoofed Location";
        }
        String body = answer.body();
        for (String trace : List.of("\tat ", "at org.", "at java.", "at dev.llmstatus", "org.apache",
                "springframework", "Apache Tomcat", "Whitelabel")) {
            if (body.contains(trace)) {
                return "body names internals (" + trace + ")";
            }
        }
        Set<String> named = exceptionNames(body);
        named.removeAll(content);
        if (!named.isEmpty()) {
            return "body names " + named;
        }
        if (body.contains(PAYLOAD) || body.contains("<x7")) {
            return "payload echoed unescaped";
        }
        if (body.contains("evil.example")) {
            return "spoofed host echoed";
        }
        return null;
    }

    private static String rawGet(String path, String headers) {
        return request("GET", path, "localhost", headers, "");
    }

    private static String form(String method, String path, String headers, String body) {
        return raw(method, path, headers + "Content-Type: application/x-www-form-urlencoded\r\n", body);
    }

    private static String raw(String method, String path, String headers, String body) {
        return request(method, path, "localhost", headers + "Content-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n", body);
    }

    private static String request(String method, String path, String host, String headers, String body) {
        return method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n" + headers + "\r\n"
                + body;
    }

    private Answer send(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                socket.shutdownOutput();
            }
            catch (IOException ex) {
                // The server may answer and close before taking a whole oversize request.
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[16 * 1024];
            try {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    received.write(buffer, 0, read);
                }
            }
            catch (SocketException ex) {
                // Keep what arrived.
            }
            return Answer.parse(received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * A raw answer: status (-1 when none), the head, and the body with any chunked coding removed. Parsed from the
     * bytes as ISO-8859-1 (one character per byte, so chunk sizes count right), the body then read as UTF-8.
     */
    record Answer(int status, String head, String body) {

        static Answer parse(String text) {
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || end < 0) {
                return new Answer(-1, text.substring(0, Math.min(200, text.length())), "");
            }
            String head = text.substring(0, end);
            String body = text.substring(end + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, body);
        }

        private static String dechunk(String body) {
            StringBuilder plain = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int lineEnd = body.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(body.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                int start = lineEnd + 2;
                plain.append(body, start, Math.min(body.length(), start + size));
                at = start + size + 2;
            }
            return plain.toString();
        }

    }

}
