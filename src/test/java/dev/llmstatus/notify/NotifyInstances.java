package dev.llmstatus.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.llmstatus.LlmStatusApplication;
import dev.llmstatus.status.StatusEvent;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Whole application instances for the restart, multi-instance and benchmark tests: started and stopped at will, on
 * a database the test chooses.
 */
final class NotifyInstances {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private NotifyInstances() {
    }

    static ConfigurableApplicationContext start(String[] profiles, String... properties) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--llmstatus.probe.enabled=false",
                "--llmstatus.status.rebuild-interval=1h", "--llmstatus.notify.allow-private-targets=true",
                "--llmstatus.notify.poll-interval=100ms", "--llmstatus.notify.hourly-budget=100000",
                "--spring.jmx.enabled=false"));
        for (String property : properties) {
            args.add("--" + property);
        }
        return new SpringApplicationBuilder(LlmStatusApplication.class).profiles(profiles)
            .run(args.toArray(String[]::new));
    }

    static void publish(ConfigurableApplicationContext context, StatusEvent event) {
        context.getBean(TransactionTemplate.class)
            .executeWithoutResult((status) -> context.publishEvent(event));
    }

    static HttpResponse<String> subscribe(ConfigurableApplicationContext context, String json) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/subscriptions"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static String webhook(String provider, String url) {
        return "{\"provider\": \"" + provider + "\", \"channel\": \"webhook\", \"target\": \"" + url + "\"}";
    }

    /** Waits until no delivery is pending or being sent. */
    static void awaitSettled(JdbcTemplate jdbc, Duration patience) throws InterruptedException {
        long end = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < end) {
            Integer open = jdbc.queryForObject(
                    "select count(*) from notify_delivery where state in ('PENDING', 'SENDING')", Integer.class);
            if (open == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Deliveries still pending after " + patience);
    }

}
