package dev.llmstatus.notify;

import java.util.List;

/**
 * A subscription as asked for, by the API or the form; every field as given, checked by {@link SubscriptionService}.
 *
 * @param provider a provider slug, or {@code *} for every provider
 * @param channel {@code email}, {@code webhook}, {@code slack} or {@code discord}
 * @param target the email address or URL
 * @param components component keys to limit it to; empty for all
 */
record SubscriptionRequest(String provider, String channel, String target, List<String> components) {

    SubscriptionRequest {
        components = (components != null) ? List.copyOf(components) : List.of();
    }

}
