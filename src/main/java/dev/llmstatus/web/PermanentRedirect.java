package dev.llmstatus.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * A 301 to another of our paths, for the names people type or search for ({@code /is-claude-down},
 * {@code /errors/429}). The model stays out of the target URL: advice puts attributes in every model, and they must
 * not turn into query parameters.
 */
final class PermanentRedirect {

    private PermanentRedirect() {
    }

    static ModelAndView to(String path) {
        RedirectView redirect = new RedirectView(path);
        redirect.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

}
