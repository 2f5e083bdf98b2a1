package dev.llmstatus.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/subscriptions}: subscriptions for programs. The body is read by hand so that any mistake in it,
 * malformed JSON included, is a 400 naming the field. Only {@code application/json} is taken, which keeps other
 * sites' pages from posting here through a visitor's browser (it needs a CORS preflight we never grant).
 */
@RestController
class SubscriptionApiController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SubscriptionService service;

    private final Messages messages;

    SubscriptionApiController(SubscriptionService service, Messages messages) {
        this.service = service;
        this.messages = messages;
    }

    @PostMapping(path = "/api/v1/subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Object> subscribe(@RequestBody(required = false) String body, HttpServletRequest http) {
        JsonNode json;
        try {
            json = (body != null) ? JSON.readTree(body) : null;
        }
        catch (JacksonException ex) {
            return error(HttpStatus.BAD_REQUEST, "body", "The body is not valid JSON: send an object like "
                    + "{\"provider\": \"openai\", \"channel\": \"webhook\", \"target\": \"https://...\"}.");
        }
        if (json == null || !json.isObject()) {
            return error(HttpStatus.BAD_REQUEST, "body", "Send a JSON object with provider, channel and target.");
        }
        for (String field : List.of("provider", "channel", "target")) {
            JsonNode value = json.get(field);
            if (value != null && !value.isNull() && !value.isString()) {
                return error(HttpStatus.BAD_REQUEST, field, "\"" + field + "\" must be a string.");
            }
        }
        List<String> components = new ArrayList<>();
        JsonNode list = json.get("components");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                return error(HttpStatus.BAD_REQUEST, "components", "\"components\" must be an array of keys.");
            }
            for (JsonNode key : list) {
                if (!key.isString()) {
                    return error(HttpStatus.BAD_REQUEST, "components", "\"components\" must hold strings only.");
                }
                components.add(key.asString());
            }
        }
        SubscriptionRequest request = new SubscriptionRequest(text(json, "provider"), text(json, "channel"),
                text(json, "target"), components);
        SubscriptionService.Result result = this.service.subscribe(request, http.getRemoteAddr());
        if (result.retryAfter() != null) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(result.retryAfter().toSeconds()))
                .body(new ApiError("too_many_requests", result.errors().get("limit"), null, result.errors()));
        }
        if (!result.accepted()) {
            Map.Entry<String, String> first = result.errors().entrySet().iterator().next();
            return ResponseEntity.badRequest()
                .body(new ApiError("invalid_" + first.getKey(), first.getValue(), first.getKey(), result.errors()));
        }
        Subscription subscription = result.subscription();
        String manage = this.messages.manageUrl(subscription);
        return ResponseEntity.status(HttpStatus.CREATED)
            .header(HttpHeaders.LOCATION, manage)
            .header(HttpHeaders.CACHE_CONTROL, "no-store")
            .body(new Created(Long.toString(subscription.id()), subscription.status().name().toLowerCase(Locale.ROOT),
                    subscription.secret(), manage));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return (value != null && value.isString()) ? value.asString() : null;
    }

    private static ResponseEntity<Object> error(HttpStatus status, String field, String message) {
        return ResponseEntity.status(status).body(new ApiError("invalid_" + field, message, field, Map.of(field, message)));
    }

    /** The 201 answer; the secret is shown here once and never again. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "id", "status", "secret", "manage_url" })
    record Created(String id, String status, String secret, @JsonProperty("manage_url") String manageUrl) {
    }

    /** A refused request: the first problem's field and message, and every problem by field. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "error", "message", "field", "errors" })
    record ApiError(String error, String message, String field, Map<String, String> errors) {
    }

}
