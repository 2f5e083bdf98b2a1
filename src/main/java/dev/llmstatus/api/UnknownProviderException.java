package dev.llmstatus.api;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A machine-readable URL named a provider the catalog does not have.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class UnknownProviderException extends RuntimeException {

    /** The slug itself stays out of the message, which goes back to the client: an API answer echoes nothing. */
    UnknownProviderException(String slug) {
        super("No provider with this slug. GET /api/v1/summary.json lists every provider.");
    }

}
