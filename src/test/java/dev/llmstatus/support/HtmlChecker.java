package dev.llmstatus.support;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The Nu Html Checker (the W3C's HTML validator) run in-process on a page's markup.
 */
public final class HtmlChecker {

    private HtmlChecker() {
    }

    /** The checker's errors for the given HTML, each with its line; empty when the page is valid. */
    public static synchronized List<String> errors(String html) throws Exception {
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {

            @Override
            public void warning(SAXParseException ex) {
            }

            @Override
            public void error(SAXParseException ex) {
                errors.add("line " + ex.getLineNumber() + ": " + ex.getMessage());
            }

            @Override
            public void fatalError(SAXParseException ex) {
                errors.add("line " + ex.getLineNumber() + " (fatal): " + ex.getMessage());
            }

        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        validator.setUpValidatorAndParsers(handler, true, false);
        InputSource source = new InputSource(new StringReader(html));
        source.setEncoding("UTF-8");
        validator.checkHtmlInputSource(source);
        return errors;
    }

}
