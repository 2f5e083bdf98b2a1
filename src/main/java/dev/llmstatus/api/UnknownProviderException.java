package dev.llmstatus.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A machine-readable URL named a provider the catalog does not have.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownProviderException extends RuntimeException {

    UnknownProviderException(String slug) {
        super("No provider '" + slug + "'. GET /api/v1/summary.json lists every provider.");
    }

}
