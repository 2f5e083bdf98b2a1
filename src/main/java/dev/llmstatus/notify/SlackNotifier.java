package dev.llmstatus.notify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * A Slack incoming webhook: {@code text} for notifications and old clients, one {@code section} block in mrkdwn for
 * the message itself.
 */
@Component
class SlackNotifier implements Notifier {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpTargets http;

    private final Messages messages;

    SlackNotifier(HttpTargets http, Messages messages) {
        this.http = http;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.SLACK;
    }

    @Override
    public CompletableFuture<Attempt> send(Delivery delivery) {
        return this.http.post(delivery.subscription().target(), body(this.messages.compose(delivery)), Map.of());
    }

    static String body(Messages.Message message) {
        StringBuilder text = new StringBuilder("*").append(escape(message.subject())).append('*');
        message.lines().forEach((line) -> text.append('\n').append(escape(line)));
        text.append("\n<").append(message.link()).append('|').append(escape(message.linkText())).append('>');
        Map<String, Object> section = Map.of("type", "section", "text", Map.of("type", "mrkdwn", "text",
                text.toString()));
        return JSON.writeValueAsString(Map.of("text", message.subject(), "blocks", List.of(section)));
    }

    /** Slack reads &, < and > as markup: escaped, a provider's text cannot become a link or a mention. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
