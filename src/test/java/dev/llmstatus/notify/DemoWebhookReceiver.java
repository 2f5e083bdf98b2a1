package dev.llmstatus.notify;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For {@code ./mvnw spring-boot:test-run}: a webhook receiver on loopback, subscribed to every provider through the
 * API, that logs one line per notification and whether its signature checks out.
 */
public final class DemoWebhookReceiver {

    private static final Logger logger = LoggerFactory.getLogger(DemoWebhookReceiver.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DemoWebhookReceiver() {
    }

    public static void subscribe(ConfigurableApplicationContext context) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        String[] secret = new String[1];
        server.createContext("/demo-webhook", (exchange) -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                String signature = exchange.getRequestHeaders().getFirst(WebhookNotifier.SIGNATURE);
                boolean valid = secret[0] != null && WebhookNotifier.signature(secret[0], body).equals(signature);
                JsonNode event = JSON.readTree(body);
                logger.info("Demo webhook received {} for {} ({}): {} [signature {}]", event.get("type").asString(),
                        event.get("provider").get("slug").asString(), event.get("provider").get("status").asString(),
                        event.get("reason").asString(), valid ? "ok" : "WRONG");
                exchange.sendResponseHeaders(204, -1);
            }
            catch (IOException | RuntimeException ex) {
                exchange.sendResponseHeaders(500, -1);
            }
            finally {
                exchange.close();
            }
        });
        server.start();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/demo-webhook";
        var response = java.net.http.HttpClient.newHttpClient()
            .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port
                    + "/api/v1/subscriptions"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"provider\": \"*\", \"channel\": \"webhook\", \"target\": \"" + url + "\"}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        secret[0] = JSON.readTree(response.body()).get("secret").asString();
        logger.info("Demo webhook receiver at {} subscribed to every provider; each notification is logged here", url);
    }

}
