package dev.llmstatus.catalog;

/**
 * The API a model is called through; the catalog writes {@code openai-chat}, {@code anthropic-messages} or
 * {@code gemini-generate}.
 */
public enum ModelProtocol {

    /** OpenAI's {@code /chat/completions}, which many providers also serve. */
    OPENAI_CHAT,

    /** Anthropic's {@code /v1/messages}. */
    ANTHROPIC_MESSAGES,

    /** Google's {@code :generateContent} / {@code :streamGenerateContent}. */
    GEMINI_GENERATE

}
