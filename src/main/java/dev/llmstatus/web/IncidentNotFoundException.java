package dev.llmstatus.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A URL named an incident the provider's recent history does not hold (never one, or older than the window the
 * snapshot keeps).
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class IncidentNotFoundException extends RuntimeException {

    IncidentNotFoundException(String slug, String id) {
        super("No incident '" + id + "' for " + slug);
    }

}
