package dev.llmstatus.web;

/**
 * One question and answer, shown on a page and repeated in its FAQPage JSON-LD.
 *
 * @param question the question
 * @param answer the answer, plain text
 */
record Faq(String question, String answer) {
}
