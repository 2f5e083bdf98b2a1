package dev.llmstatus.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A URL named a provider the catalog does not have.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ProviderNotFoundException extends RuntimeException {

    private final String slug;

    ProviderNotFoundException(String slug) {
        super("No provider '" + slug + "'");
        this.slug = slug;
    }

    String slug() {
        return this.slug;
    }

}
