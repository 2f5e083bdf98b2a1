package dev.llmstatus.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Our own webhook: the event's JSON body as recorded, its id in {@code X-LLMStatus-Event-Id} (the same on every
 * retry, for deduplication) and {@code X-LLMStatus-Signature: sha256=<hex>}, the HMAC-SHA256 of the body under the
 * subscription's secret.
 */
@Component
class WebhookNotifier implements Notifier {

    static final String EVENT_ID = "X-LLMStatus-Event-Id";

    static final String SIGNATURE = "X-LLMStatus-Signature";

    private final HttpTargets http;

    WebhookNotifier(HttpTargets http) {
        this.http = http;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public CompletableFuture<Attempt> send(Delivery delivery) {
        String body = delivery.event().payload();
        return this.http.post(delivery.subscription().target(), body, Map.of(EVENT_ID, delivery.event().id(),
                SIGNATURE, signature(delivery.subscription().secret(), body)));
    }

    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
        }
    }

}
