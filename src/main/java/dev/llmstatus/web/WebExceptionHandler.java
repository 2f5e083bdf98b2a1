package dev.llmstatus.web;

import dev.llmstatus.catalog.Catalog;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders a missing provider as a 404 page that suggests the closest names.
 */
@ControllerAdvice
class WebExceptionHandler {

    private final Catalog catalog;

    WebExceptionHandler(Catalog catalog) {
        this.catalog = catalog;
    }

    @ExceptionHandler(ProviderNotFoundException.class)
    ModelAndView providerNotFound(ProviderNotFoundException ex) {
        ModelAndView view = new ModelAndView("error/provider-not-found", HttpStatus.NOT_FOUND);
        view.addObject("slug", ex.slug());
        view.addObject("suggestions", Suggestions.closest(ex.slug(), this.catalog.providers(), 5));
        view.addObject("providers", this.catalog.providers());
        return view;
    }

}
