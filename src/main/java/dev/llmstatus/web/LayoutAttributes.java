package dev.llmstatus.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Model attributes every page template may use.
 */
@ControllerAdvice
class LayoutAttributes {

    private static final Formats FORMATS = new Formats();

    @ModelAttribute("links")
    Links links() {
        return Links.INSTANCE;
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return FORMATS;
    }

}
