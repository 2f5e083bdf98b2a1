package dev.llmstatus.system;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's error report for the answers it gives without the application: a request line, header or URL it refuses
 * (an encoded slash, {@code %00}, a bad {@code %}, raw brackets, an oversize URL or header), an unmet
 * {@code Expect}, an unknown transfer coding. Instead of Tomcat's page, a short page in the site's own look with the
 * security headers. It names no server, quotes nothing from the request and shows no exception. Errors the
 * application raises never get here: Spring Boot's error pages render those.
 */
class SiteErrorReportValve extends ErrorReportValve {

    private static final Map<Integer, String> EXPLANATIONS = Map.of(
            400, "The address or the request was malformed: check for stray <code>%</code> signs, brackets or "
                    + "encoded slashes in the address.",
            404, "There is no page at this address.",
            405, "This address does not take that kind of request.",
            413, "The request was larger than we accept.",
            414, "The address was longer than we accept.",
            417, "We do not support that <code>Expect</code> header.",
            431, "The request headers were larger than we accept.",
            501, "We do not support that request method or transfer coding.",
            505, "We do not support that HTTP version.");

    private final SecurityHeaders headers;

    SiteErrorReportValve(SecurityHeaders headers) {
        this.headers = headers;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        this.headers.applyTo(response::setHeader);
        response.setHeader("Cache-Control", "no-store");
        try {
            response.setContentType("text/html");
            response.setCharacterEncoding("utf-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(page(status));
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // The client is gone or the response was taken over: nothing left to tell anyone.
        }
    }

    static String page(int status) {
        String explanation = EXPLANATIONS.getOrDefault(status, (status >= 500)
                ? "Something went wrong on our side. Try again in a minute."
                : "We could not accept that request. Check the address and try again.");
        String title = (status >= 500) ? "Something went wrong" : "We could not accept that request";
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>%1$s | LLM Status</title>
                  <meta name="robots" content="noindex">
                  <link rel="stylesheet" href="/css/site.css">
                  <link rel="icon" type="image/svg+xml" href="/img/favicon.svg">
                </head>
                <body>
                  <header class="site-header"><div class="wrap"><a class="brand" href="/">LLM Status</a></div></header>
                  <main id="main" class="wrap">
                    <section class="error-page">
                      <h1>%1$s</h1>
                      <p>The server answered <strong>%2$d</strong>. %3$s</p>
                      <p><a href="/">Back to all LLM services</a></p>
                    </section>
                  </main>
                </body>
                </html>
                """.formatted(title, status, explanation);
    }

}
