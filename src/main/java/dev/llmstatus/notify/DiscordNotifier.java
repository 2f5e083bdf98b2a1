package dev.llmstatus.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.status.Status;

import org.springframework.stereotype.Component;

/**
 * A Discord webhook: a one-line {@code content} and an embed coloured by level. Mentions are switched off, so no
 * text of ours or a provider's can ping a channel.
 */
@Component
class DiscordNotifier implements Notifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpTargets http;

    private final Messages messages;

    DiscordNotifier(HttpTargets http, Messages messages) {
        this.http = http;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.DISCORD;
    }

    @Override
    public CompletableFuture<Attempt> send(Delivery delivery) {
        Messages.Message message = this.messages.compose(delivery);
        Status level = (delivery.event() != null) ? delivery.event().level() : Status.UNKNOWN;
        if (delivery.event() != null && OutboxEvent.RESOLVED.equals(delivery.event().type())) {
            level = Status.OPERATIONAL;
        }
        return this.http.post(delivery.subscription().target(), body(message, level), Map.of());
    }

    static String body(Messages.Message message, Status level) {
        Map<String, Object> embed = Map.of("title", cut(message.subject(), 256), "description",
                cut(String.join("\n\n", message.lines()), 4000), "url", message.link(), "color", colour(level));
        return JSON.writeValueAsString(Map.of("username", "LLM Status", "content", cut(message.subject(), 2000),
                "embeds", List.of(embed), "allowed_mentions", Map.of("parse", List.of())));
    }

    private static int colour(Status level) {
        return switch (level) {
            case OPERATIONAL -> 0x2E7D32;
            case MAINTENANCE -> 0x1565C0;
            case DEGRADED -> 0xF9A825;
            case PARTIAL_OUTAGE -> 0xEF6C00;
            case MAJOR_OUTAGE -> 0xC62828;
            case UNKNOWN -> 0x757575;
        };
    }

    private static String cut(String text, int max) {
        return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
    }

}
