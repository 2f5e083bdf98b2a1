package dev.llmstatus.notify;

import java.time.Instant;
import java.util.List;

/**
 * One stored subscription.
 *
 * @param id its id
 * @param provider a provider slug, or {@code *} for every provider
 * @param components the component keys it is limited to, empty for all
 * @param channel where it sends
 * @param target the email address or URL
 * @param secret the webhook signing secret, {@code null} for other channels
 * @param token the key of its manage, confirm and unsubscribe links
 * @param status its state
 * @param createdAt when it was made
 * @param failingSince since when its target has failed without a success in between, or {@code null}
 */
record Subscription(long id, String provider, List<String> components, Channel channel, String target, String secret,
        String token, State status, Instant createdAt, Instant failingSince) {

    static final String ANY_PROVIDER = "*";

    Subscription {
        components = List.copyOf(components);
    }

    /** The line its deliveries queue in: the URL's host, or one line for all mail. */
    String host() {
        return host(this.channel, this.target);
    }

    static String host(Channel channel, String target) {
        if (channel == Channel.EMAIL) {
            return "smtp";
        }
        String host = java.net.URI.create(target.strip()).getHost();
        return (host != null) ? host.toLowerCase(java.util.Locale.ROOT) : "";
    }

    boolean anyProvider() {
        return ANY_PROVIDER.equals(this.provider);
    }

    /** The lifecycle of a subscription. */
    enum State {

        PENDING_CONFIRMATION, ACTIVE, PAUSED

    }

}
