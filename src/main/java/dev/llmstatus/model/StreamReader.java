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

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
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

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModelProtocol protocol;

    private final CompletableFuture<StreamReader> done = new CompletableFuture<>();

    /**
     * The current line's bytes. Lines are split on bytes and decoded whole: a UTF-8 character split across two reads
     * is never cut, since no byte of a multi-byte character is a line break.
     */
    private byte[] line = new byte[512];

    private int lineLength;

    /** Where each read is copied to be scanned (the client's buffers may be read-only, without an array). */
    private final byte[] scratch = new byte[4096];

    private final StringBuilder data = new StringBuilder();

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

    /** The answer's text so far (content only, capped). */
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
                lineEnded(System.nanoTime());
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
            int count = Math.min(item.remaining(), this.scratch.length);
            item.get(this.scratch, 0, count);
            for (int i = 0; i < count; i++) {
                byte c = this.scratch[i];
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
                        lineEnded(now);
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
    }

    /** One SSE field line: {@code event:} and {@code data:} matter, comments and ids do not. */
    private void lineEnded(long now) {
        String field = new String(this.line, 0, this.lineLength, StandardCharsets.UTF_8);
        this.lineLength = 0;
        if (field.startsWith("data:")) {
            if (!this.data.isEmpty()) {
                this.data.append('\n');
            }
            this.data.append(field.substring(field.startsWith("data: ") ? 6 : 5));
        }
        else if (field.startsWith("event:")) {
            this.eventName = field.substring(6).strip();
        }
    }

    private void dispatch(long now) {
        String payload = this.data.toString();
        String name = this.eventName;
        this.data.setLength(0);
        this.eventName = null;
        if (payload.isEmpty()) {
            return;
        }
        if (payload.equals("[DONE]")) {
            this.ended = true;
            return;
        }
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        }
        catch (JacksonException ex) {
            return;
        }
        switch (this.protocol) {
            case OPENAI_CHAT -> openai(event, now);
            case ANTHROPIC_MESSAGES -> anthropic(name, event, now);
            case GEMINI_GENERATE -> gemini(event, now);
        }
    }

    private void openai(JsonNode event, long now) {
        if (event.has("error")) {
            streamError(event.get("error"));
            return;
        }
        JsonNode choice = event.path("choices").path(0);
        JsonNode delta = choice.path("delta");
        content(delta.path("content").asString(""), true, now);
        // Reasoning models stream their thinking first: it is generation, but not the answer.
        content(delta.path("reasoning_content").asString(""), false, now);
        if (choice.hasNonNull("finish_reason")) {
            this.ended = true;
        }
        usage(event.path("usage").path("completion_tokens"));
        usage(event.path("x_groq").path("usage").path("completion_tokens"));
    }

    private void anthropic(String name, JsonNode event, long now) {
        String type = event.path("type").asString((name != null) ? name : "");
        switch (type) {
            case "content_block_delta" -> {
                JsonNode delta = event.path("delta");
                content(delta.path("text").asString(""), true, now);
                content(delta.path("thinking").asString(""), false, now);
            }
            case "message_delta" -> usage(event.path("usage").path("output_tokens"));
            case "message_stop" -> this.ended = true;
            case "error" -> streamError(event.path("error"));
            default -> {
                // message_start, content_block_start/stop, ping
            }
        }
    }

    private void gemini(JsonNode event, long now) {
        if (event.has("error")) {
            streamError(event.get("error"));
            return;
        }
        JsonNode candidate = event.path("candidates").path(0);
        for (JsonNode part : candidate.path("content").path("parts")) {
            content(part.path("text").asString(""), !part.path("thought").asBoolean(false), now);
        }
        if (candidate.hasNonNull("finishReason")) {
            this.ended = true;
        }
        usage(event.path("usageMetadata").path("candidatesTokenCount"));
    }

    private void content(String piece, boolean answer, long now) {
        if (piece.isEmpty()) {
            return;
        }
        if (this.firstTokenNanos == 0) {
            this.firstTokenNanos = now;
        }
        this.lastTokenNanos = now;
        this.chunks++;
        if (answer && this.text.length() < TEXT_LIMIT) {
            this.text.append(piece, 0, Math.min(piece.length(), TEXT_LIMIT - this.text.length()));
        }
    }

    private void usage(JsonNode count) {
        if (count.isNumber() && count.asInt() > 0) {
            this.usageTokens = count.asInt();
        }
    }

    private void streamError(JsonNode error) {
        this.streamError = ErrorBody.fields(error);
    }

}
