package dev.llmstatus.notify;

import java.util.Locale;
import java.util.Optional;

/** Where a subscription's notifications go. */
enum Channel {

    EMAIL, WEBHOOK, SLACK, DISCORD;

    /** The lowercase name the API and forms use. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Channel> of(String key) {
        for (Channel channel : values()) {
            if (channel.key().equals(key)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

}
