package dev.llmstatus.web;

import jakarta.servlet.http.HttpServletResponse;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.report.ReportNotRecordedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Renders a missing provider as a 404 page that suggests the closest names, and a report the database could not take
 * as a 503 page that says so.
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

    @ExceptionHandler(ReportNotRecordedException.class)
    ModelAndView reportNotRecorded(ReportNotRecordedException ex, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, "60");
        ModelAndView view = new ModelAndView("error/report-unavailable", HttpStatus.SERVICE_UNAVAILABLE);
        view.addObject("slug", ex.slug());
        view.addObject("providerName", ex.providerName());
        return view;
    }

}
