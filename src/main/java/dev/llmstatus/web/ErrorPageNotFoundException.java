package dev.llmstatus.web;

import dev.llmstatus.status.ProviderState;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A URL named an error topic we do not have, or one that does not apply to the provider it named.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ErrorPageNotFoundException extends RuntimeException {

    private final transient ProviderState provider;

    private final String topic;

    ErrorPageNotFoundException(ProviderState provider, String topic) {
        super("No error page '" + topic + "'" + ((provider != null) ? " for " + provider.slug() : ""));
        this.provider = provider;
        this.topic = topic;
    }

    /** The provider the URL named, or {@code null} for a page about a topic across providers. */
    ProviderState provider() {
        return this.provider;
    }

    String topic() {
        return this.topic;
    }

}
