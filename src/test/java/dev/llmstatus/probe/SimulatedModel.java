package dev.llmstatus.probe;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * A scripted inference endpoint for the {@link ProviderSimulator}: it speaks one of the three wire protocols
 * (OpenAI chat completions, Anthropic messages, Gemini generateContent) with streaming server-sent events, shaped
 * like the real services' streams, and answers with the scripted first-token delay, token rate, answer and failure.
 * Tokens are written at {@code ttft + i / tokensPerSecond} after the request arrived, measured from one start time so
 * that scheduling delays do not add up over a stream. Immutable: each method returns a changed copy.
 * <p>
 * {@code simulator.set("/v1/chat/completions", Behaviour.model(SimulatedModel.of(Wire.OPENAI_CHAT)
 * .ttft(Duration.ofMillis(300)).tokensPerSecond(50).tokens(12)))}
 */
public final class SimulatedModel {

    /** The wire protocol the endpoint speaks. */
    public enum Wire {

        OPENAI_CHAT, ANTHROPIC_MESSAGES, GEMINI_GENERATE

    }

    /** A failure answered instead of a stream. */
    public enum Failure {

        /** 429 with a Retry-After header and the protocol's rate-limit body. */
        RATE_LIMITED,

        /** 500 with the protocol's server-error body. */
        SERVER_ERROR,

        /** 529 with an "overloaded" body. */
        OVERLOADED,

        /** Out of credit: OpenAI's {@code insufficient_quota}, Anthropic's low credit balance, Gemini's quota. */
        INSUFFICIENT_QUOTA,

        /** The key is refused (OpenAI's answer echoes the key's first and last characters, as the real one does). */
        INVALID_KEY

    }

    /** How the stream ends. */
    public enum Ending {

        /** Every token, then the protocol's end marker. */
        COMPLETE,

        /** Half the tokens, then the body ends without an end marker. */
        STOP_HALFWAY,

        /** Half the tokens, then nothing more while the connection stays open. */
        STALL_HALFWAY

    }

    private static final AtomicLong REQUESTS = new AtomicLong();

    private static final String[] WORDS = { "Seventeen", " times", " twenty", "-three", " is", " equal", " to",
            " exactly", " the", " product" };

    private final Wire wire;

    private final Duration ttft;

    private final double tokensPerSecond;

    private final int tokens;

    private final boolean correct;

    private final boolean usage;

    private final Ending ending;

    private final Failure failure;

    private final String retryAfter;

    private final String requiredKey;

    private SimulatedModel(Wire wire, Duration ttft, double tokensPerSecond, int tokens, boolean correct, boolean usage,
            Ending ending, Failure failure, String retryAfter, String requiredKey) {
        this.wire = wire;
        this.ttft = ttft;
        this.tokensPerSecond = tokensPerSecond;
        this.tokens = tokens;
        this.correct = correct;
        this.usage = usage;
        this.ending = ending;
        this.failure = failure;
        this.retryAfter = retryAfter;
        this.requiredKey = requiredKey;
    }

    /** A healthy model: first token after 200 ms, then 50 tokens a second, 8 tokens ending in "391". */
    public static SimulatedModel of(Wire wire) {
        return new SimulatedModel(wire, Duration.ofMillis(200), 50, 8, true, true, Ending.COMPLETE, null, "30", null);
    }

    public SimulatedModel ttft(Duration ttft) {
        return new SimulatedModel(this.wire, ttft, this.tokensPerSecond, this.tokens, this.correct, this.usage,
                this.ending, this.failure, this.retryAfter, this.requiredKey);
    }

    public SimulatedModel tokensPerSecond(double rate) {
        return new SimulatedModel(this.wire, this.ttft, rate, this.tokens, this.correct, this.usage, this.ending,
                this.failure, this.retryAfter, this.requiredKey);
    }

    /** How many tokens the answer has (at least 1); the last one carries the number. */
    public SimulatedModel tokens(int tokens) {
        return new SimulatedModel(this.wire, this.ttft, this.tokensPerSecond, Math.max(1, tokens), this.correct,
                this.usage, this.ending, this.failure, this.retryAfter, this.requiredKey);
    }

    /** Answers 392 instead of 391. */
    public SimulatedModel wrongAnswer() {
        return new SimulatedModel(this.wire, this.ttft, this.tokensPerSecond, this.tokens, false, this.usage,
                this.ending, this.failure, this.retryAfter, this.requiredKey);
    }

    /** Sends no usage figures, so that the client has to count tokens itself. */
    public SimulatedModel withoutUsage() {
        return new SimulatedModel(this.wire, this.ttft, this.tokensPerSecond, this.tokens, this.correct, false,
                this.ending, this.failure, this.retryAfter, this.requiredKey);
    }

    public SimulatedModel ending(Ending ending) {
        return new SimulatedModel(this.wire, this.ttft, this.tokensPerSecond, this.tokens, this.correct, this.usage,
                ending, this.failure, this.retryAfter, this.requiredKey);
    }

    public SimulatedModel failing(Failure failure) {
        return new SimulatedModel(this.wire, this.ttft, this.tokensPerSecond, this.tokens, this.correct, this.usage,
                this.ending, failure, this.retryAfter, this.requiredKey);
    }

    /** The Retry-After header value of {@link Failure#RATE_LIMITED} (default 30). */
    public SimulatedModel retryAfter(String value) {
        return new SimulatedModel(this.wire, this.ttft, this.tokensPerSecond, this.tokens, this.correct, this.usage,
                this.ending, this.failure, value, this.requiredKey);
    }

    /** Refuses requests that do not carry this key, with the protocol's invalid-key answer. */
    public SimulatedModel requireKey(String key) {
        return new SimulatedModel(this.wire, this.ttft, this.tokensPerSecond, this.tokens, this.correct, this.usage,
                this.ending, this.failure, this.retryAfter, key);
    }

    void start(HttpExchange exchange, ProviderSimulator simulator) {
        // The script runs from the moment the request reached the simulator, not from when a handler thread got to it.
        long start = ProviderSimulator.arrivedNanos();
        String key = presentedKey(exchange);
        if (this.requiredKey != null && !this.requiredKey.equals(key)) {
            fail(exchange, simulator, Failure.INVALID_KEY, key);
            return;
        }
        if (this.failure != null) {
            fail(exchange, simulator, this.failure, key);
            return;
        }
        OutputStream out;
        ProviderSimulator.SentStream stamps;
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            stamps = simulator.sending(requestId(exchange), start, this.ttft, this.tokensPerSecond);
            exchange.sendResponseHeaders(200, 0);
            out = exchange.getResponseBody();
            write(out, opening());
        }
        catch (IOException ex) {
            simulator.finish(exchange);
            return;
        }
        simulator.openStreams.incrementAndGet();
        int sent = (this.ending == Ending.COMPLETE) ? this.tokens : Math.max(1, this.tokens / 2);
        scheduleToken(exchange, simulator, out, stamps, start, 0, sent);
    }

    private void scheduleToken(HttpExchange exchange, ProviderSimulator simulator, OutputStream out,
            ProviderSimulator.SentStream stamps, long start, int index, int sent) {
        long due = start + this.ttft.toNanos() + (long) (index * 1_000_000_000L / this.tokensPerSecond);
        simulator.scheduler.schedule(() -> {
            try {
                write(out, token(index));
                stamps.written(System.nanoTime());
                if (index == 0) {
                    simulator.streamsPastFirstToken.incrementAndGet();
                }
                if (index + 1 < sent) {
                    scheduleToken(exchange, simulator, out, stamps, start, index + 1, sent);
                    return;
                }
                switch (this.ending) {
                    case COMPLETE -> {
                        write(out, closing());
                        end(exchange, simulator, stamps, true);
                    }
                    case STOP_HALFWAY -> end(exchange, simulator, stamps, true);
                    case STALL_HALFWAY -> {
                        // stays open until the client gives up or the simulator closes
                    }
                }
            }
            catch (IOException ex) {
                end(exchange, simulator, stamps, index > 0);
            }
        }, Math.max(0, due - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static void end(HttpExchange exchange, ProviderSimulator simulator, ProviderSimulator.SentStream stamps,
            boolean pastFirstToken) {
        stamps.ended = true;
        simulator.openStreams.decrementAndGet();
        if (pastFirstToken) {
            simulator.streamsPastFirstToken.decrementAndGet();
        }
        simulator.finish(exchange);
    }

    private static void write(OutputStream out, String events) throws IOException {
        out.write(events.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private String presentedKey(HttpExchange exchange) {
        return switch (this.wire) {
            case OPENAI_CHAT -> {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                yield (header != null && header.startsWith("Bearer ")) ? header.substring(7) : null;
            }
            case ANTHROPIC_MESSAGES -> exchange.getRequestHeaders().getFirst("x-api-key");
            case GEMINI_GENERATE -> exchange.getRequestHeaders().getFirst("x-goog-api-key");
        };
    }

    /** Sets the protocol's request id header (Gemini sends none) and returns the id, unique in this process. */
    private String requestId(HttpExchange exchange) {
        String id = "req_sim" + Long.toHexString(REQUESTS.incrementAndGet()) + '_' + Long.toHexString(System.nanoTime());
        switch (this.wire) {
            case OPENAI_CHAT -> exchange.getResponseHeaders().set("x-request-id", id);
            case ANTHROPIC_MESSAGES -> exchange.getResponseHeaders().set("request-id", id);
            case GEMINI_GENERATE -> {
                // Gemini sends no request id header
            }
        }
        return id;
    }

    private String text(int index) {
        if (index == this.tokens - 1) {
            String number = this.correct ? "391" : "392";
            return (this.tokens == 1) ? number : " " + number;
        }
        return WORDS[index % WORDS.length];
    }

    private String opening() {
        return switch (this.wire) {
            case OPENAI_CHAT -> openai("{\"role\":\"assistant\",\"content\":\"\"}", "null");
            case ANTHROPIC_MESSAGES -> "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":"
                    + "\"msg_sim\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"sim\",\"content\":[],"
                    + "\"stop_reason\":null,\"usage\":{\"input_tokens\":21,\"output_tokens\":1}}}\n\n"
                    + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                    + "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
                    + "event: ping\ndata: {\"type\": \"ping\"}\n\n";
            case GEMINI_GENERATE -> "";
        };
    }

    private String token(int index) {
        String text = json(text(index));
        return switch (this.wire) {
            case OPENAI_CHAT -> openai("{\"content\":" + text + "}", "null");
            case ANTHROPIC_MESSAGES -> "event: content_block_delta\ndata: {\"type\":\"content_block_delta\","
                    + "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":" + text + "}}\n\n";
            case GEMINI_GENERATE -> "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": " + text
                    + "}],\"role\": \"model\"},\"index\": 0}],\"usageMetadata\": {\"promptTokenCount\": 14,"
                    + "\"totalTokenCount\": 14},\"modelVersion\": \"sim\"}\r\n\r\n";
        };
    }

    private String closing() {
        return switch (this.wire) {
            case OPENAI_CHAT -> openai("{}", "\"stop\"") + (this.usage ? "data: {\"id\":\"chatcmpl-sim\",\"object\":"
                    + "\"chat.completion.chunk\",\"choices\":[],\"usage\":{\"prompt_tokens\":21,"
                    + "\"completion_tokens\":" + this.tokens + ",\"total_tokens\":" + (21 + this.tokens) + "}}\n\n" : "")
                    + "data: [DONE]\n\n";
            case ANTHROPIC_MESSAGES -> "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}"
                    + "\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":"
                    + "\"end_turn\",\"stop_sequence\":null}"
                    + (this.usage ? ",\"usage\":{\"output_tokens\":" + this.tokens + "}" : "")
                    + "}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
            case GEMINI_GENERATE -> "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"\"}],\"role\": "
                    + "\"model\"},\"finishReason\": \"STOP\",\"index\": 0}],\"usageMetadata\": {"
                    + "\"promptTokenCount\": 14" + (this.usage ? ",\"candidatesTokenCount\": " + this.tokens : "")
                    + ",\"totalTokenCount\": " + (14 + this.tokens) + "},\"modelVersion\": \"sim\"}\r\n\r\n";
        };
    }

    private static String openai(String delta, String finishReason) {
        return "data: {\"id\":\"chatcmpl-sim\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"sim\","
                + "\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"finish_reason\":" + finishReason + "}]}\n\n";
    }

    private void fail(HttpExchange exchange, ProviderSimulator simulator, Failure failure, String key) {
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] { "Content-Type", "application/json" });
        int status;
        String body;
        switch (failure) {
            case RATE_LIMITED -> {
                status = 429;
                headers.add(new String[] { "Retry-After", this.retryAfter });
                body = switch (this.wire) {
                    case OPENAI_CHAT -> openaiError("Rate limit reached for requests", "requests",
                            "rate_limit_exceeded");
                    case ANTHROPIC_MESSAGES -> anthropicError("rate_limit_error",
                            "This request would exceed the rate limit for your organization.");
                    case GEMINI_GENERATE -> geminiError(429, "Resource has been exhausted.", "RESOURCE_EXHAUSTED");
                };
            }
            case SERVER_ERROR -> {
                status = 500;
                body = switch (this.wire) {
                    case OPENAI_CHAT -> openaiError("The server had an error while processing your request.",
                            "server_error", null);
                    case ANTHROPIC_MESSAGES -> anthropicError("api_error", "Internal server error");
                    case GEMINI_GENERATE -> geminiError(500, "An internal error has occurred.", "INTERNAL");
                };
            }
            case OVERLOADED -> {
                status = 529;
                body = switch (this.wire) {
                    case OPENAI_CHAT -> openaiError("The engine is currently overloaded.", "server_error",
                            "engine_overloaded");
                    case ANTHROPIC_MESSAGES -> anthropicError("overloaded_error", "Overloaded");
                    case GEMINI_GENERATE -> geminiError(503, "The model is overloaded.", "UNAVAILABLE");
                };
            }
            case INSUFFICIENT_QUOTA -> {
                status = switch (this.wire) {
                    case ANTHROPIC_MESSAGES -> 400;
                    default -> 429;
                };
                body = switch (this.wire) {
                    case OPENAI_CHAT -> openaiError("You exceeded your current quota, please check your plan and "
                            + "billing details.", "insufficient_quota", "insufficient_quota");
                    case ANTHROPIC_MESSAGES -> anthropicError("invalid_request_error", "Your credit balance is too "
                            + "low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase "
                            + "credits.");
                    case GEMINI_GENERATE -> geminiError(429, "You exceeded your current quota, please check your plan "
                            + "and billing details.", "RESOURCE_EXHAUSTED");
                };
            }
            default -> {
                status = (this.wire == Wire.GEMINI_GENERATE) ? 400 : 401;
                body = switch (this.wire) {
                    case OPENAI_CHAT -> openaiError("Incorrect API key provided: " + masked(key)
                            + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                            "invalid_request_error", "invalid_api_key");
                    case ANTHROPIC_MESSAGES -> anthropicError("authentication_error", "invalid x-api-key");
                    case GEMINI_GENERATE -> "{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a "
                            + "valid API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type."
                            + "googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\"}]}}";
                };
            }
        }
        try {
            headers.forEach((header) -> exchange.getResponseHeaders().set(header[0], header[1]));
            requestId(exchange);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        catch (IOException ex) {
            // the client went away
        }
        finally {
            simulator.finish(exchange);
        }
    }

    /** OpenAI shows the first 3 and last 4 characters of a refused key; we show more, so that redaction is tested. */
    private static String masked(String key) {
        if (key == null || key.length() < 12) {
            return "***";
        }
        return key.substring(0, 8) + "*".repeat(key.length() - 12) + key.substring(key.length() - 4);
    }

    private static String openaiError(String message, String type, String code) {
        return "{\"error\":{\"message\":" + json(message) + ",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + ((code != null) ? "\"" + code + "\"" : "null") + "}}";
    }

    private static String anthropicError(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":" + json(message) + "}}";
    }

    private static String geminiError(int code, String message, String status) {
        return "{\"error\":{\"code\":" + code + ",\"message\":" + json(message) + ",\"status\":\"" + status + "\"}}";
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

}
