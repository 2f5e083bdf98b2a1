package dev.llmstatus.status;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.llmstatus.errors.ErrorLookup;
import dev.llmstatus.errors.ErrorTopic;
import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.errors.LookupMatch;
import dev.llmstatus.model.ModelResult;

/**
 * The knowledge base topic that explains a failed model check, so that a model's last error links to its
 * explanation and an error page can cite what our check got. An HTTP error is looked up the way a pasted error is
 * (status, type and code); failures without an HTTP error map to the topic that covers them. Answers are remembered:
 * the same few errors recur.
 */
final class ModelErrorTopics {

    private static final int MAX_REMEMBERED = 1000;

    private final ErrorLookup lookup;

    private final KnowledgeBase knowledgeBase;

    private final Map<String, Optional<String>> known = new ConcurrentHashMap<>();

    ModelErrorTopics(ErrorLookup lookup, KnowledgeBase knowledgeBase) {
        this.lookup = lookup;
        this.knowledgeBase = knowledgeBase;
    }

    /** The topic's slug, or {@code null} when none fits (a wrong answer is no API error). */
    String topic(ModelResult result) {
        String fixed = switch (result.outcome()) {
            case SLOW_FIRST_TOKEN, SLOW_GENERATION, STREAM_STALLED -> "slow-streaming";
            case QUOTA_EXHAUSTED -> "quota-exceeded";
            case TIMEOUT -> (result.httpStatus() == null) ? "504-gateway-timeout" : null;
            case OK, WRONG_ANSWER, UNREACHABLE, STREAM_BROKEN -> "";
            default -> null;
        };
        if (fixed != null) {
            return (!fixed.isEmpty() && this.knowledgeBase.topic(fixed).isPresent()) ? fixed : null;
        }
        if (result.httpStatus() == null) {
            return null;
        }
        String text = "HTTP " + result.httpStatus() + " " + ((result.errorType() != null) ? result.errorType() : "")
                + " " + ((result.errorCode() != null) ? result.errorCode() : "");
        Optional<String> topic = this.known.get(text);
        if (topic == null) {
            topic = this.lookup.lookup(text).stream().findFirst().map(LookupMatch::topic).map(ErrorTopic::slug);
            // Error types come from providers' bodies: remember a bounded number of them.
            if (this.known.size() < MAX_REMEMBERED) {
                this.known.put(text, topic);
            }
        }
        return topic.orElse(null);
    }

}
