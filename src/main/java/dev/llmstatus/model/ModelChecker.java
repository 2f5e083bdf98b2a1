package dev.llmstatus.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one model's check when it is due, if it may: only with a key, one request in flight per model, not before a
 * Retry-After the provider asked for has passed, and within the provider's daily budget. Records the result (history
 * and metrics) and warns the operator when the problem is our own key or account. Runtime state lives here, never in
 * the definitions.
 */
final class ModelChecker {

    private static final Logger logger = LoggerFactory.getLogger(ModelChecker.class);

    private static final Duration WARN_AGAIN_AFTER = Duration.ofHours(1);

    private final InferenceClient client;

    private final ModelKeys keys;

    private final ModelBudget budget;

    private final ModelMetrics metrics;

    private final ModelHistoryWriter writer;

    private final ModelProperties properties;

    private final Clock clock;

    private final Map<String, State> states = new ConcurrentHashMap<>();

    ModelChecker(InferenceClient client, ModelKeys keys, ModelBudget budget, ModelMetrics metrics,
            ModelHistoryWriter writer, ModelProperties properties, Clock clock) {
        this.client = client;
        this.keys = keys;
        this.budget = budget;
        this.metrics = metrics;
        this.writer = writer;
        this.properties = properties;
        this.clock = clock;
    }

    /** Runtime state of one model: whether a check is on the wire, and since when checks may run again. */
    private static final class State {

        private boolean inFlight;

        private Instant notBefore = Instant.MIN;

        private ModelOutcome warned;

        private Instant warnedAt = Instant.MIN;

    }

    /**
     * Checks the model now unless it may not; the future completes with the result once it is recorded, or at once
     * with an empty value when no request was sent.
     */
    CompletableFuture<Optional<ModelResult>> check(ModelTarget target, String apiKeyEnv) {
        Optional<String> key = this.keys.find(target.provider(), apiKeyEnv);
        if (key.isEmpty()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        State state = this.states.computeIfAbsent(target.provider() + '/' + target.id(), (name) -> new State());
        synchronized (state) {
            if (state.inFlight) {
                this.metrics.skipped(target.provider(), target.id(), "in_flight");
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (this.clock.instant().isBefore(state.notBefore)) {
                this.metrics.skipped(target.provider(), target.id(), "retry_after");
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (!this.budget.tryAcquire(target.provider())) {
                this.metrics.skipped(target.provider(), target.id(), "budget");
                return CompletableFuture.completedFuture(Optional.empty());
            }
            state.inFlight = true;
        }
        return this.client.check(target, key.get()).thenApply((result) -> {
            synchronized (state) {
                state.inFlight = false;
                Duration pause = retryAfter(result.retryAfter(), result.startedAt());
                if (pause != null) {
                    state.notBefore = this.clock.instant().plus(pause);
                }
                warnOperator(state, target, result);
            }
            this.metrics.record(result);
            this.writer.add(result);
            return Optional.of(result);
        });
    }

    /** Our own key or account is at fault: say so in the log once per change, and again every hour while it lasts. */
    private void warnOperator(State state, ModelTarget target, ModelResult result) {
        if (result.outcome().impact() != ModelOutcome.Impact.OURS) {
            state.warned = null;
            return;
        }
        Instant now = this.clock.instant();
        if (result.outcome() == state.warned && now.isBefore(state.warnedAt.plus(WARN_AGAIN_AFTER))) {
            return;
        }
        state.warned = result.outcome();
        state.warnedAt = now;
        String what = switch (result.outcome()) {
            case KEY_REJECTED -> "our API key was refused";
            case QUOTA_EXHAUSTED -> "our account is out of quota or credit";
            default -> "our request was refused (is the model id still offered?)";
        };
        logger.warn("Model check {}/{}: {} ({}). This is not the provider's outage: the model shows Unknown until "
                + "it is fixed.", target.provider(), target.id(), what, result.detail());
    }

    /** A Retry-After of seconds or an HTTP date, capped; {@code null} when absent or unreadable. */
    Duration retryAfter(String value, Instant receivedAt) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration pause;
        try {
            pause = Duration.ofSeconds(Long.parseLong(value.strip()));
        }
        catch (NumberFormatException ex) {
            try {
                pause = Duration.between(receivedAt,
                        ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (pause.isNegative()) {
            return null;
        }
        return (pause.compareTo(this.properties.maxRetryAfter()) > 0) ? this.properties.maxRetryAfter() : pause;
    }

}
