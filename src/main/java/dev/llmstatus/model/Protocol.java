package dev.llmstatus.model;

/** The wire protocol of a model's inference endpoint. */
public enum Protocol {

    OPENAI_CHAT, ANTHROPIC_MESSAGES, GEMINI_GENERATE

}
