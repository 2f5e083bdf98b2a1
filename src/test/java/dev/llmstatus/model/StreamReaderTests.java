package dev.llmstatus.model;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.llmstatus.catalog.ModelProtocol;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stream reader on the quirks of real streams that the simulator does not script: reasoning and thinking
 * tokens, usage in provider extensions, event names without a type field, in-stream errors, CRLF line ends, events
 * spread over several {@code data:} lines, broken events, and any split of the bytes across reads (down to one byte
 * per read, which cuts multi-byte characters in half).
 */
class StreamReaderTests {

    private static final String OPENAI = """
            data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

            data: {"id":"c1","choices":[{"index":0,"delta":{"reasoning_content":"17 times 23"},"finish_reason":null}]}

            : keep-alive comment

            data: {"id":"c1","choices":[{"index":0,"delta":{"content":"39"},"logprobs":null,"finish_reason":null}]}

            data: {"id":"c1","choices":[{"index":0,"delta":{"content":"1 数"},"finish_reason":null}]}

            data: {"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":20,"completion_tokens":4}}

            data: [DONE]

            """;

    @ParameterizedTest(name = "{0} bytes per read")
    @ValueSource(ints = { 1, 2, 7, 64, 100_000 })
    void openAiStreamIsReadWhateverTheSplit(int readSize) {
        StreamReader reader = read(ModelProtocol.OPENAI_CHAT, OPENAI.replace("\n", "\r\n"), readSize);

        assertThat(reader.text()).isEqualTo("391 数");
        // the reasoning token counts as generation (first token) but is not part of the answer
        assertThat(reader.chunks).isEqualTo(3);
        assertThat(reader.usageTokens).isEqualTo(4);
        assertThat(reader.ended).isTrue();
        assertThat(reader.firstTokenNanos).isPositive();
        assertThat(reader.lastTokenNanos).isGreaterThanOrEqualTo(reader.firstTokenNanos);
        assertThat(reader.streamError).isNull();
    }

    @Test
    void groqUsageIsReadFromItsExtension() {
        StreamReader reader = read(ModelProtocol.OPENAI_CHAT, """
                data: {"choices":[{"delta":{"content":"391"},"finish_reason":null}]}

                data: {"choices":[{"delta":{},"finish_reason":"stop"}],"x_groq":{"id":"req_1","usage":{"completion_tokens":2}}}

                data: [DONE]

                """, 5);

        assertThat(reader.text()).isEqualTo("391");
        assertThat(reader.usageTokens).isEqualTo(2);
    }

    @Test
    void anEventSpreadOverSeveralDataLinesIsOneEvent() {
        StreamReader reader = read(ModelProtocol.OPENAI_CHAT, """
                data: {"choices":[{"delta":
                data: {"content":"391"}}]}

                """, 3);

        assertThat(reader.text()).isEqualTo("391");
        assertThat(reader.chunks).isEqualTo(1);
    }

    @Test
    void aBrokenEventIsSkippedAndTheNextOneRead() {
        StreamReader reader = read(ModelProtocol.OPENAI_CHAT, """
                data: {"choices":[{"delta":{"content":"3

                data: {"choices":"not a list"}

                data: {"choices":[{"delta":{"content":"391"}}]}

                """, 4);

        assertThat(reader.text()).isEqualTo("391");
        assertThat(reader.chunks).isEqualTo(1);
    }

    @Test
    void anOpenAiErrorInsideTheStreamIsKept() {
        StreamReader reader = read(ModelProtocol.OPENAI_CHAT, """
                data: {"choices":[{"delta":{"content":"39"}}]}

                data: {"error":{"message":"The server had an error while processing your request.","type":"server_error","code":null}}

                """, 11);

        assertThat(reader.text()).isEqualTo("39");
        assertThat(reader.streamError).containsExactly("server_error", null,
                "The server had an error while processing your request.");
    }

    @Test
    void anthropicEventsAreReadByTypeOrByEventName() {
        StreamReader reader = read(ModelProtocol.ANTHROPIC_MESSAGES, """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","usage":{"input_tokens":20,"output_tokens":1}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"17*23"}}

                event: ping
                data: {"type": "ping"}

                event: content_block_delta
                data: {"index":1,"delta":{"type":"text_delta","text":"391"}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":3}}

                event: message_stop
                data: {"type":"message_stop"}

                """, 9);

        assertThat(reader.text()).isEqualTo("391");
        assertThat(reader.chunks).isEqualTo(2);
        assertThat(reader.usageTokens).isEqualTo(3);
        assertThat(reader.ended).isTrue();
    }

    @Test
    void anAnthropicOverloadedEventIsKept() {
        StreamReader reader = read(ModelProtocol.ANTHROPIC_MESSAGES, """
                event: error
                data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

                """, 6);

        assertThat(reader.streamError).containsExactly("overloaded_error", null, "Overloaded");
        assertThat(reader.ended).isFalse();
    }

    @Test
    void geminiThoughtsAreGenerationButNotTheAnswer() {
        StreamReader reader = read(ModelProtocol.GEMINI_GENERATE, """
                data: {"candidates":[{"content":{"parts":[{"text":"Multiplying","thought":true}],"role":"model"}}]}

                data: {"candidates":[{"content":{"parts":[{"text":"39"},{"text":"1"}],"role":"model"},"index":0}]}

                data: {"candidates":[{"content":{"parts":[{"text":""}],"role":"model"},"finishReason":"STOP"}],"usageMetadata":{"promptTokenCount":20,"candidatesTokenCount":2,"thoughtsTokenCount":9}}

                """, 13);

        assertThat(reader.text()).isEqualTo("391");
        assertThat(reader.chunks).isEqualTo(3);
        assertThat(reader.usageTokens).isEqualTo(2);
        assertThat(reader.ended).isTrue();
    }

    @Test
    void aGeminiErrorInsideTheStreamIsKept() {
        StreamReader reader = read(ModelProtocol.GEMINI_GENERATE, """
                data: {"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}

                """, 100);

        assertThat(reader.streamError).containsExactly("UNAVAILABLE", "503", "The model is overloaded.");
    }

    @Test
    void aLastEventWithoutItsBlankLineIsStillRead() {
        StreamReader reader = read(ModelProtocol.OPENAI_CHAT, "data: {\"choices\":[{\"delta\":{\"content\":\"391\"}}]}",
                100);

        assertThat(reader.text()).isEqualTo("391");
    }

    @Test
    void anErrorAnswerIsKeptAsItsBodyNotReadAsAStream() {
        StreamReader reader = new StreamReader(ModelProtocol.OPENAI_CHAT);
        HttpResponse.BodySubscriber<StreamReader> subscriber = reader.handler()
            .apply(info(529, "application/json"));
        String body = "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}";
        feed(subscriber, body.getBytes(StandardCharsets.UTF_8), 10);

        assertThat(reader.streaming()).isFalse();
        assertThat(reader.chunks).isZero();
        assertThat(new String(reader.errorBody(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void anAnswerStoppedAtOurTokenCapIsMarkedInEachProtocol() {
        assertThat(read(ModelProtocol.OPENAI_CHAT, """
                data: {"choices":[{"delta":{"reasoning_content":"17 times 20 is"},"finish_reason":"length"}]}

                """, 8).cutAtLimit).isTrue();
        assertThat(read(ModelProtocol.OPENAI_CHAT, """
                data: {"choices":[{"delta":{"content":"391"},"finish_reason":"stop"}]}

                """, 8).cutAtLimit).isFalse();
        assertThat(read(ModelProtocol.ANTHROPIC_MESSAGES, """
                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"max_tokens","stop_sequence":null},"usage":{"output_tokens":16}}

                """, 8).cutAtLimit).isTrue();
        assertThat(read(ModelProtocol.GEMINI_GENERATE, """
                data: {"candidates":[{"content":{"parts":[{"text":"Let"}]},"finishReason":"MAX_TOKENS"}]}

                """, 8).cutAtLimit).isTrue();
    }

    @Test
    void onlyTheTailOfALongAnswerIsKeptWhereTheNumberIs() {
        StringBuilder stream = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            stream.append("data: {\"choices\":[{\"delta\":{\"content\":\"thinking step ").append(i)
                .append(". \"}}]}\n\n");
        }
        stream.append("data: {\"choices\":[{\"delta\":{\"content\":\"391\"},\"finish_reason\":\"stop\"}]}\n\n");
        StreamReader reader = read(ModelProtocol.OPENAI_CHAT, stream.toString(), 4096);

        assertThat(reader.text()).endsWith("391").hasSizeLessThanOrEqualTo(2 * 2048);
        assertThat(reader.chunks).isEqualTo(401);
    }

    static StreamReader read(ModelProtocol protocol, String stream, int readSize) {
        StreamReader reader = new StreamReader(protocol);
        HttpResponse.BodySubscriber<StreamReader> subscriber = reader.handler()
            .apply(info(200, "text/event-stream; charset=utf-8"));
        assertThat(reader.streaming()).isTrue();
        feed(subscriber, stream.getBytes(StandardCharsets.UTF_8), readSize);
        return reader;
    }

    /** Hands the bytes over in reads of {@code readSize}, as read-only buffers like the JDK client's. */
    private static void feed(HttpResponse.BodySubscriber<StreamReader> subscriber, byte[] bytes, int readSize) {
        List<Long> requested = new ArrayList<>();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                requested.add(n);
            }

            @Override
            public void cancel() {
            }
        });
        for (int from = 0; from < bytes.length; from += readSize) {
            int to = Math.min(bytes.length, from + readSize);
            subscriber.onNext(List.of(ByteBuffer.wrap(bytes, from, to - from).slice().asReadOnlyBuffer()));
        }
        subscriber.onComplete();
        assertThat(subscriber.getBody().toCompletableFuture()).isCompleted();
        assertThat(requested).isNotEmpty().allMatch((n) -> n == 1);
    }

    private static HttpResponse.ResponseInfo info(int status, String contentType) {
        HttpHeaders headers = HttpHeaders.of(Map.of("content-type", List.of(contentType)), (name, value) -> true);
        return new HttpResponse.ResponseInfo() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public HttpHeaders headers() {
                return headers;
            }

            @Override
            public HttpClient.Version version() {
                return HttpClient.Version.HTTP_1_1;
            }
        };
    }

}
