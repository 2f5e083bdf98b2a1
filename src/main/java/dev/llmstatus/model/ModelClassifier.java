package dev.llmstatus.model;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

/**
 * Turns what a check saw into a {@link ModelResult}. Problems of our own account (a refused key, no credit, an
 * out-of-date model id) are kept apart from the provider's: they say nothing about whether the model works.
 */
final class ModelClassifier {

    static final String EXPECTED_ANSWER = "391";

    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*");

    /** Reasoning some models write into the answer itself ({@code <think>...</think>}), finished or not. */
    private static final Pattern THINKING = Pattern.compile("(?s)<think>.*?(</think>|\\z)");

    /** Words of error bodies that put the blame on our account's money or quota, not on the provider's capacity. */
    private static final List<String> OUR_QUOTA = List.of("insufficient_quota", "exceeded your current quota",
            "billing", "credit balance", "insufficient balance", "insufficient_balance", "out of credits",
            "payment required", "account balance", "arrearage", "余额", "欠费");

    /** Business codes that mean the same: Zhipu's 1113 (account in arrears, sent as HTTP 429). */
    private static final List<String> OUR_QUOTA_CODES = List.of("1113", "Arrearage");

    private static final List<String> OUR_KEY = List.of("api_key_invalid", "invalid_api_key", "invalid api key",
            "api key not valid", "invalid x-api-key", "authentication_error", "incorrect api key");

    private ModelClassifier() {
    }

    /**
     * A check that got an answer (any status) and read it to its end, or until it was stopped. The total time runs
     * from the start, the time to first token from when the request was sent ({@code sentNanos}).
     */
    static ModelResult answered(ModelTarget target, Instant startedAt, long startNanos, long sentNanos, long endNanos,
            StreamReader reader, boolean timedOut, Throwable streamFailure, String key) {
        int status = reader.status;
        long total = millis(endNanos - startNanos);
        Long ttft = (reader.firstTokenNanos != 0) ? millis(reader.firstTokenNanos - sentNanos) : null;
        if (status / 100 != 2) {
            String[] error = ErrorBody.parse(reader.errorBody());
            ModelOutcome outcome = errorOutcome(status, error);
            return result(target, startedAt, outcome, status, null, total, null, null, null, error, reader,
                    "HTTP " + status + label(error) + message(error, key));
        }
        if (!reader.streaming()) {
            return result(target, startedAt, ModelOutcome.STREAM_BROKEN, status, null, total, null, null, null,
                    new String[3], reader, "HTTP " + status + " without an event stream");
        }
        int tokens = (reader.usageTokens > 0) ? reader.usageTokens : reader.chunks;
        Integer outputTokens = (tokens > 0) ? tokens : null;
        Double rate = rate(reader, tokens);
        String[] streamError = reader.streamError;
        if (streamError != null) {
            ModelOutcome outcome = quota(streamError) ? ModelOutcome.QUOTA_EXHAUSTED : ModelOutcome.SERVER_ERROR;
            return result(target, startedAt, outcome, status, ttft, total, outputTokens, rate, null, streamError,
                    reader, "error inside the stream" + label(streamError) + message(streamError, key));
        }
        if (timedOut) {
            if (ttft == null) {
                return result(target, startedAt, ModelOutcome.TIMEOUT, status, null, total, null, null, null,
                        new String[3], reader, "no first token within " + words(target.timeout().toMillis()));
            }
            return result(target, startedAt, ModelOutcome.STREAM_STALLED, status, ttft, total, outputTokens, rate,
                    null, new String[3], reader, "stream stalled after " + plural(reader.chunks, "token")
                            + "; nothing more within " + words(target.timeout().toMillis()));
        }
        if (streamFailure != null || !reader.ended) {
            return result(target, startedAt, ModelOutcome.STREAM_BROKEN, status, ttft, total, outputTokens, rate,
                    null, new String[3], reader, "stream broke off after " + plural(reader.chunks, "token")
                            + ((streamFailure != null) ? " (" + failureWords(streamFailure) + ")"
                                    : " without its end marker"));
        }
        String text = answer(reader.text());
        boolean correct = correct(text);
        // Cut off by our token cap (a model that reasons first ran out of room): it works, but its answer is unknown.
        boolean unfinished = !correct && reader.cutAtLimit;
        ModelOutcome outcome;
        String detail;
        if (!correct && !unfinished) {
            outcome = ModelOutcome.WRONG_ANSWER;
            String number = lastNumber(text);
            detail = (number != null) ? "answered " + number + ", expected " + EXPECTED_ANSWER
                    : "answered without the number " + EXPECTED_ANSWER;
        }
        else if (ttft != null && ttft > target.ttftThreshold().toMillis()) {
            outcome = ModelOutcome.SLOW_FIRST_TOKEN;
            detail = "first token after " + words(ttft) + " (threshold " + words(target.ttftThreshold().toMillis())
                    + ")";
        }
        else if (rate != null && rate < target.minTokensPerSecond()) {
            outcome = ModelOutcome.SLOW_GENERATION;
            detail = String.format(Locale.ROOT, "%.1f tokens/s (minimum %s)", rate,
                    trim(target.minTokensPerSecond()));
        }
        else if (unfinished) {
            outcome = ModelOutcome.OK;
            detail = "answer cut off at the " + target.maxTokens() + "-token cap (not checked), first token"
                    + " after " + words((ttft != null) ? ttft : total);
        }
        else {
            outcome = ModelOutcome.OK;
            detail = "correct answer, first token after " + words((ttft != null) ? ttft : total);
        }
        return result(target, startedAt, outcome, status, ttft, total, outputTokens, rate,
                unfinished ? null : correct, new String[3], reader, detail);
    }

    /** A check that got no HTTP answer at all. */
    static ModelResult unanswered(ModelTarget target, Instant startedAt, long elapsedNanos, Throwable failure) {
        boolean timeout = (failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException))
                || failure instanceof java.util.concurrent.TimeoutException;
        ModelOutcome outcome = timeout ? ModelOutcome.TIMEOUT : ModelOutcome.UNREACHABLE;
        String detail = timeout ? "no answer within " + words(target.timeout().toMillis()) : failureWords(failure);
        return new ModelResult(target.provider(), target.id(), startedAt, outcome, null, null, millis(elapsedNanos),
                null, null, null, null, null, null, null, detail);
    }

    static ModelOutcome errorOutcome(int status, String[] error) {
        String words = String.join(" ", nonNull(error)).toLowerCase(Locale.ROOT);
        // Some providers refuse an account in arrears with 401, 403 or 429: the money is the reason to give.
        if (status == 402 || quota(error)) {
            return ModelOutcome.QUOTA_EXHAUSTED;
        }
        if (status == 401 || status == 403 || OUR_KEY.stream().anyMatch(words::contains)) {
            return ModelOutcome.KEY_REJECTED;
        }
        if (status == 429) {
            return ModelOutcome.RATE_LIMITED;
        }
        if (status == 408 || status == 504) {
            return (status == 408) ? ModelOutcome.TIMEOUT : ModelOutcome.SERVER_ERROR;
        }
        if (status >= 500) {
            return ModelOutcome.SERVER_ERROR;
        }
        return ModelOutcome.REQUEST_REJECTED;
    }

    /** The answer without the reasoning a model may have written into it. */
    static String answer(String text) {
        return THINKING.matcher(text).replaceAll(" ");
    }

    static boolean correct(String text) {
        return EXPECTED_ANSWER.equals(lastNumber(text));
    }

    private static boolean quota(String[] error) {
        if (error[1] != null && OUR_QUOTA_CODES.contains(error[1])) {
            return true;
        }
        String words = String.join(" ", nonNull(error)).toLowerCase(Locale.ROOT);
        return OUR_QUOTA.stream().anyMatch(words::contains);
    }

    private static String lastNumber(String text) {
        Matcher numbers = NUMBER.matcher(text);
        String last = null;
        while (numbers.find()) {
            last = numbers.group().replace(",", "");
        }
        return last;
    }

    /**
     * Output tokens per second over the generation phase, first content token to last: the tokens after the first
     * chunk over that time. {@code null} when the answer came in one piece or too fast to time.
     */
    private static Double rate(StreamReader reader, int tokens) {
        int chunks = reader.chunks;
        long span = reader.lastTokenNanos - reader.firstTokenNanos;
        if (chunks < 2 || tokens < 2 || span < 1_000_000) {
            return null;
        }
        double afterFirst = tokens * (chunks - 1) / (double) chunks;
        return afterFirst * 1e9 / span;
    }

    private static ModelResult result(ModelTarget target, Instant startedAt, ModelOutcome outcome, Integer status,
            Long ttft, long total, Integer tokens, Double rate, Boolean correct, String[] error, StreamReader reader,
            String detail) {
        return new ModelResult(target.provider(), target.id(), startedAt, outcome, status, ttft, total, tokens, rate,
                correct, cut(error[0], 64), cut(error[1], 64), cut(reader.requestId, 128), cut(reader.retryAfter, 64),
                cut(detail, 300));
    }

    private static String label(String[] error) {
        String label = (error[0] != null) ? error[0] : error[1];
        return (label != null) ? " " + label : "";
    }

    private static String message(String[] error, String key) {
        if (error[2] == null || error[2].isBlank()) {
            return "";
        }
        return ": " + KeyRedactor.redact(cut(error[2].strip(), 200), key);
    }

    static String failureWords(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (failure instanceof ConnectException) {
            return "connection refused";
        }
        if (failure instanceof UnresolvedAddressException) {
            return "host name not found";
        }
        if (failure instanceof SSLException) {
            return "TLS handshake failed";
        }
        if (failure.getCause() != null && failure.getCause() != failure) {
            return failureWords(failure.getCause());
        }
        return "connection failed";
    }

    private static String[] nonNull(String[] values) {
        return java.util.Arrays.stream(values).map((value) -> (value != null) ? value : "").toArray(String[]::new);
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + ((count == 1) ? "" : "s");
    }

    static String words(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        return trim(millis / 1000.0) + " s";
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }

    private static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

    static String cut(String text, int max) {
        return (text == null || text.length() <= max) ? text : text.substring(0, max);
    }

}
