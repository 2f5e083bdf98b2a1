package dev.llmstatus.api;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Answers every failure under the JSON API with a JSON body, whatever the client accepts: a program reading
 * {@code /api/**} must never get the HTML error page. Runs before Spring MVC's own resolvers and declines every
 * other path, so the site's HTML error pages and other exception handlers are untouched.
 */
@Component
class ApiErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger logger = LoggerFactory.getLogger(ApiErrors.class);

    private static final Pattern API_PATH = Pattern.compile("/api(/.*)?|/status/[^/]+/api/.*");

    private static final String INDEX_HINT = "GET /api/v1/summary.json lists every provider.";

    private final JsonMapper json;

    ApiErrors(JsonMapper json) {
        this.json = json;
    }

    /**
     * The body of every API error.
     *
     * @param error a stable snake_case code ({@code not_found}, {@code method_not_allowed})
     * @param message what went wrong and what to do instead, in words
     */
    record ApiError(String error, String message) {
    }

    /** The JSON API's paths, including the Statuspage-style {@code /status/<slug>/api/v2/} aliases. */
    static boolean isApi(String path) {
        return API_PATH.matcher(path).matches();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
            @Nullable Object handler, Exception ex) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!isApi(path) || response.isCommitted()) {
            return null;
        }
        try {
            write(response, ex);
            return new ModelAndView();
        }
        catch (IOException writeFailure) {
            logger.debug("Could not write a JSON error: {}", writeFailure.toString());
            return null;
        }
    }

    private void write(HttpServletResponse response, Exception ex) throws IOException {
        HttpStatus status;
        ApiError body;
        if (ex instanceof UnknownProviderException) {
            status = HttpStatus.NOT_FOUND;
            body = new ApiError("not_found", ex.getMessage());
        }
        else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            status = HttpStatus.NOT_FOUND;
            body = new ApiError("not_found", "No API endpoint at this address. " + INDEX_HINT);
        }
        else if (ex instanceof HttpRequestMethodNotSupportedException notSupported) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            Set<HttpMethod> allowed = notSupported.getSupportedHttpMethods();
            String allow = (allowed != null)
                    ? allowed.stream().map(HttpMethod::name).sorted().collect(Collectors.joining(", ")) : "GET";
            response.setHeader(HttpHeaders.ALLOW, allow);
            body = new ApiError("method_not_allowed", "This address takes " + allow + " only.");
        }
        else {
            status = statusOf(ex);
            if (status.is5xxServerError()) {
                logger.warn("API request failed", ex);
                body = new ApiError("internal_error", "Something went wrong on our side; try again in a minute.");
            }
            else {
                body = new ApiError(status.name().toLowerCase(Locale.ROOT), status.getReasonPhrase() + ".");
            }
        }
        // Keep the headers already set (security headers); drop only whatever body was started.
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        this.json.writeValue(response.getOutputStream(), body);
    }

    private static HttpStatus statusOf(Exception ex) {
        if (ex instanceof ErrorResponse errorResponse) {
            HttpStatus status = HttpStatus.resolve(errorResponse.getStatusCode().value());
            return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(ex.getClass(), ResponseStatus.class);
        return (annotated != null) ? annotated.code() : HttpStatus.INTERNAL_SERVER_ERROR;
    }

}
