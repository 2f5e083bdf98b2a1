package dev.llmstatus.model;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.ModelProtocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Judging a complete answer, for models that reason before they answer: reasoning written into the answer itself
 * ({@code <think>}) is not the answer, and an answer our token cap cut off is not a wrong one.
 */
class ModelClassifierTests {

    private static final ModelTarget REASONING = new ModelTarget("sim", "sim-reasoner", ModelProtocol.OPENAI_CHAT,
            URI.create("http://127.0.0.1/v1/chat/completions"), Duration.ofSeconds(30), Duration.ofSeconds(5), 5, 512);

    @Test
    void reasoningInThinkTagsIsNotTheAnswer() {
        ModelResult result = judge("""
                data: {"choices":[{"delta":{"content":"<think>17*20 = 340, 17*3 = 51, 340 + 51"}}]}

                data: {"choices":[{"delta":{"content":" = 391. So 391.</think>\\n\\n391"},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        assertThat(result.outcome()).isEqualTo(ModelOutcome.OK);
        assertThat(result.correct()).isTrue();
        assertThat(result.detail()).startsWith("correct answer");
    }

    @Test
    void aNumberInsideTheReasoningIsNotTakenForAWrongAnswer() {
        ModelResult result = judge("""
                data: {"choices":[{"delta":{"content":"<think>17*20 = 340, plus 51</think>The product is 390."},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        assertThat(result.outcome()).isEqualTo(ModelOutcome.WRONG_ANSWER);
        assertThat(result.detail()).isEqualTo("answered 390, expected 391");
    }

    @Test
    void anAnswerCutOffByOurCapIsNotJudgedButTheModelCountsAsWorking() {
        ModelResult result = judge("""
                data: {"choices":[{"delta":{"content":"<think>17 times 20 is 340"}}]}

                data: {"choices":[{"delta":{"content":", and 17 times 3 is 51"},"finish_reason":"length"}]}

                data: [DONE]

                """);

        assertThat(result.outcome()).isEqualTo(ModelOutcome.OK);
        assertThat(result.correct()).isNull();
        assertThat(result.detail()).startsWith("answer cut off at the 512-token cap (not checked)");
    }

    @Test
    void aWrongCompleteAnswerIsStillWrong() {
        ModelResult result = judge("""
                data: {"choices":[{"delta":{"content":"381"},"finish_reason":"stop"}]}

                data: [DONE]

                """);

        assertThat(result.outcome()).isEqualTo(ModelOutcome.WRONG_ANSWER);
        assertThat(result.correct()).isFalse();
    }

    private static ModelResult judge(String stream) {
        StreamReader reader = StreamReaderTests.read(ModelProtocol.OPENAI_CHAT, stream, 16);
        long start = System.nanoTime() - 1_000_000_000L;
        return ModelClassifier.answered(REASONING, Instant.now(), start, start, System.nanoTime(), reader, false, null,
                "sk-test");
    }

}
