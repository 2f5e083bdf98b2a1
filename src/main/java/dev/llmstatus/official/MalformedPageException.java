package dev.llmstatus.official;

/** A document that does not have the shape its platform gives it; the message says what is wrong. */
final class MalformedPageException extends RuntimeException {

    MalformedPageException(String message) {
        super(message);
    }

}
