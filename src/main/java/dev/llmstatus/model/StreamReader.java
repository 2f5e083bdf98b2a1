package dev.llmstatus.model;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.json.JsonMapper;

import dev.llmstatus.catalog.ModelProtocol;
import dev.llmstatus.probe.AbortableSubscription;

/**
 * Reads one inference response as it arrives, on the thread that read the bytes (the HTTP client's selector thread,
 * see {@link InferenceClient#httpClient}), so it must never block: a streamed answer
 * is split into server-sent events and each event is read for content tokens, usage figures, end markers and
 * in-stream errors, stamping the time of the first and last content token. Any other answer (an error) is kept, up to
 * {@value #ERROR_BODY_LIMIT} bytes, for its error type and code. The body is never stored as it came: only the figures
 * and a redacted message leave this class.
 */
final class StreamReader implements HttpResponse.BodySubscriber<StreamReader> {

    static final int ERROR_BODY_LIMIT = 16 * 1024;

    /** A stream that sends more than this is cut: our answer is a few tokens. */
    private static final int STREAM_LIMIT = 1024 * 1024;

    private static final int TEXT_LIMIT = 2048;

    private static final JsonMapper JSON = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();

    private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] EVENT = "event:".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] NEWLINE = { '\n' };

    private final ModelProtocol protocol;

    private final CompletableFuture<StreamReader> done = new CompletableFuture<>();

    /**
     * The current line's bytes. Lines are split on bytes and decoded whole: a UTF-8 character split across two reads
     * is never cut, since no byte of a multi-byte character is a line break.
     */
    private byte[] line = new byte[512];

    private int lineLength;

    /** The current event's {@code data:} lines, joined by line breaks. */
    private byte[] data = new byte[512];

    private int dataLength;

    private final StringBuilder text = new StringBuilder();

    private final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();

    private final AbortableSubscription subscription = new AbortableSubscription();

    private boolean streaming;

    private boolean lastWasCarriageReturn;

    private String eventName;

    private long bytes;

    volatile int status;

    volatile String requestId;

    volatile String retryAfter;

    /** {@link System#nanoTime()} of the first content token, or 0. */
    volatile long firstTokenNanos;

    volatile long lastTokenNanos;

    /** Content events seen (the token count when the provider gives no usage figure). */
    volatile int chunks;

    /** The provider's output token count, or 0 when it gave none. */
    volatile int usageTokens;

    /** The stream's end marker arrived. */
    volatile boolean ended;

    /** The provider stopped the answer because it reached our token cap. */
    volatile boolean cutAtLimit;

    /** An error event inside a stream: type, code and message, any of them {@code null}. */
    volatile String[] streamError;

    StreamReader(ModelProtocol protocol) {
        this.protocol = protocol;
    }

    /** Remembers the status and headers, then reads the body with this subscriber. */
    HttpResponse.BodyHandler<StreamReader> handler() {
        return (info) -> {
            this.status = info.statusCode();
            this.requestId = info.headers()
                .firstValue("x-request-id")
                .or(() -> info.headers().firstValue("request-id"))
                .or(() -> info.headers().firstValue("x-goog-request-id"))
                .orElse(null);
            this.retryAfter = info.headers().firstValue("retry-after").orElse(null);
            String type = info.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
            this.streaming = info.statusCode() / 100 == 2 && type.contains("text/event-stream");
            return this;
        };
    }

    /** Stops reading (at the deadline): the connection is given up and nothing more is parsed. */
    void abort() {
        this.subscription.abort();
    }

    boolean streaming() {
        return this.streaming;
    }

    /** The answer's text so far (content only; its last {@value #TEXT_LIMIT} to twice as many characters). */
    synchronized String text() {
        return this.text.toString();
    }

    /** The error body so far (capped). */
    synchronized byte[] errorBody() {
        return this.errorBody.toByteArray();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription.start(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (this.subscription.aborted()) {
            return;
        }
        long now = System.nanoTime();
        synchronized (this) {
            for (ByteBuffer item : items) {
                this.bytes += item.remaining();
                if (this.streaming) {
                    decode(item, now);
                }
                else {
                    int take = Math.min(item.remaining(), ERROR_BODY_LIMIT - this.errorBody.size());
                    byte[] chunk = new byte[take];
                    item.get(chunk);
                    this.errorBody.write(chunk, 0, take);
                }
            }
        }
        if (this.bytes > STREAM_LIMIT || (!this.streaming && this.errorBody.size() >= ERROR_BODY_LIMIT)) {
            this.subscription.cancel();
            this.done.complete(this);
            return;
        }
        this.subscription.next();
    }

    @Override
    public void onError(Throwable throwable) {
        this.done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        synchronized (this) {
            if (this.streaming) {
                if (this.lineLength > 0) {
                    lineEnded();
                }
                dispatch(System.nanoTime());
            }
        }
        this.done.complete(this);
    }

    @Override
    public CompletionStage<StreamReader> getBody() {
        return this.done;
    }

    private void decode(ByteBuffer item, long now) {
        while (item.hasRemaining()) {
            byte c = item.get();
            if (c == '\n' && this.lastWasCarriageReturn) {
                this.lastWasCarriageReturn = false;
                continue;
            }
            this.lastWasCarriageReturn = (c == '\r');
            if (c == '\n' || c == '\r') {
                if (this.lineLength == 0) {
                    dispatch(now);
                }
                else {
                    lineEnded();
                }
            }
            else {
                if (this.lineLength == this.line.length) {
                    this.line = Arrays.copyOf(this.line, this.lineLength * 2);
                }
                this.line[this.lineLength++] = c;
            }
        }
    }

    /** One SSE field line: {@code event:} and {@code data:} matter, comments and ids do not. */
    private void lineEnded() {
        int length = this.lineLength;
        this.lineLength = 0;
        if (startsWith(DATA, length)) {
            int from = DATA.length;
            if (from < length && this.line[from] == ' ') {
                from++;
            }
            if (this.dataLength > 0) {
                appendData(NEWLINE, 0, 1);
            }
            appendData(this.line, from, length - from);
        }
        else if (startsWith(EVENT, length)) {
            this.eventName = new String(this.line, EVENT.length, length - EVENT.length, StandardCharsets.UTF_8).strip();
        }
    }

    private boolean startsWith(byte[] prefix, int length) {
        return length >= prefix.length && Arrays.equals(this.line, 0, prefix.length, prefix, 0, prefix.length);
    }

    private void appendData(byte[] source, int from, int count) {
        if (this.dataLength + count > this.data.length) {
            this.data = Arrays.copyOf(this.data, Math.max(this.data.length * 2, this.dataLength + count));
        }
        System.arraycopy(source, from, this.data, this.dataLength, count);
        this.dataLength += count;
    }

    /**
     * One whole event. Its JSON is bound to a few small records that name only the fields we read (everything else
     * is skipped by the parser): building a tree of every field made most of the garbage of a check, and a
     * collection while hundreds of first tokens arrive delays their time stamps.
     */
    private void dispatch(long now) {
        int length = this.dataLength;
        String name = this.eventName;
        this.dataLength = 0;
        this.eventName = null;
        if (length == 0) {
            return;
        }
        if (Arrays.equals(this.data, 0, length, DONE, 0, DONE.length)) {
            this.ended = true;
            return;
        }
        try {
            switch (this.protocol) {
                case OPENAI_CHAT -> openai(JSON.readValue(this.data, 0, length, OpenAiChunk.class), now);
                case ANTHROPIC_MESSAGES -> anthropic(name, JSON.readValue(this.data, 0, length, AnthropicEvent.class),
                        now);
                case GEMINI_GENERATE -> gemini(JSON.readValue(this.data, 0, length, GeminiChunk.class), now);
            }
        }
        catch (JacksonException ex) {
            // not JSON, or not the shape of this protocol: not an event we can read
        }
    }

    private void openai(OpenAiChunk event, long now) {
        if (event.error != null) {
            streamError(event.error);
            return;
        }
        OpenAiChoice choice = first(event.choices);
        if (choice != null) {
            if (choice.delta != null) {
                content(choice.delta.content, true, now);
                // Reasoning models stream their thinking first: it is generation, but not the answer.
                content(choice.delta.reasoningContent, false, now);
            }
            if (choice.finishReason != null) {
                this.ended = true;
                this.cutAtLimit |= "length".equals(choice.finishReason);
            }
        }
        if (event.usage != null) {
            usage(event.usage.completionTokens);
        }
        if (event.groq != null && event.groq.usage != null) {
            usage(event.groq.usage.completionTokens);
        }
    }

    private void anthropic(String name, AnthropicEvent event, long now) {
        String type = (event.type != null) ? event.type : (name != null) ? name : "";
        switch (type) {
            case "content_block_delta" -> {
                if (event.delta != null) {
                    content(event.delta.text, true, now);
                    content(event.delta.thinking, false, now);
                }
            }
            case "message_delta" -> {
                if (event.delta != null) {
                    this.cutAtLimit |= "max_tokens".equals(event.delta.stopReason);
                }
                if (event.usage != null) {
                    usage(event.usage.outputTokens);
                }
            }
            case "message_stop" -> this.ended = true;
            case "error" -> streamError((event.error != null) ? event.error : MissingNode.getInstance());
            default -> {
                // message_start, content_block_start/stop, ping
            }
        }
    }

    private void gemini(GeminiChunk event, long now) {
        if (event.error != null) {
            streamError(event.error);
            return;
        }
        GeminiCandidate candidate = first(event.candidates);
        if (candidate != null) {
            if (candidate.content != null && candidate.content.parts != null) {
                for (GeminiPart part : candidate.content.parts) {
                    if (part != null) {
                        content(part.text, !Boolean.TRUE.equals(part.thought), now);
                    }
                }
            }
            if (candidate.finishReason != null) {
                this.ended = true;
                this.cutAtLimit |= "MAX_TOKENS".equals(candidate.finishReason);
            }
        }
        if (event.usageMetadata != null) {
            usage(event.usageMetadata.candidatesTokenCount);
        }
    }

    private static <T> T first(List<T> items) {
        return (items == null || items.isEmpty()) ? null : items.get(0);
    }

    private void content(String piece, boolean answer, long now) {
        if (piece == null || piece.isEmpty()) {
            return;
        }
        if (this.firstTokenNanos == 0) {
            this.firstTokenNanos = now;
        }
        this.lastTokenNanos = now;
        this.chunks++;
        if (answer) {
            // The answer is at the end (after any reasoning a model writes into its content), so the tail is kept.
            this.text.append(piece);
            if (this.text.length() > 2 * TEXT_LIMIT) {
                this.text.delete(0, this.text.length() - TEXT_LIMIT);
            }
        }
    }

    private void usage(Integer count) {
        if (count != null && count > 0) {
            this.usageTokens = count;
        }
    }

    private void streamError(JsonNode error) {
        this.streamError = ErrorBody.fields(error);
    }


    // The fields of the three protocols' stream events that a check reads; the parser skips every other field.
    // Classes with fields rather than records: a record is built through its constructor, so Jackson first copies
    // every field it does not know (ids, roles, logprobs ...) into a token buffer, which tripled the garbage.

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class OpenAiChunk {

        public List<OpenAiChoice> choices;

        public OpenAiUsage usage;

        @JsonProperty("x_groq")
        public OpenAiGroq groq;

        public JsonNode error;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class OpenAiChoice {

        public OpenAiDelta delta;

        @JsonProperty("finish_reason")
        public String finishReason;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class OpenAiDelta {

        public String content;

        @JsonProperty("reasoning_content")
        public String reasoningContent;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class OpenAiUsage {

        @JsonProperty("completion_tokens")
        public Integer completionTokens;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class OpenAiGroq {

        public OpenAiUsage usage;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class AnthropicEvent {

        public String type;

        public AnthropicDelta delta;

        public AnthropicUsage usage;

        public JsonNode error;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class AnthropicDelta {

        public String text;

        public String thinking;

        @JsonProperty("stop_reason")
        public String stopReason;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class AnthropicUsage {

        @JsonProperty("output_tokens")
        public Integer outputTokens;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class GeminiChunk {

        public List<GeminiCandidate> candidates;

        public GeminiUsage usageMetadata;

        public JsonNode error;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class GeminiCandidate {

        public GeminiContent content;

        public String finishReason;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class GeminiContent {

        public List<GeminiPart> parts;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class GeminiPart {

        public String text;

        public Boolean thought;

    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    static final class GeminiUsage {

        public Integer candidatesTokenCount;

    }

}
