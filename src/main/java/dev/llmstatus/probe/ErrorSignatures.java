package dev.llmstatus.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The error codes that LLM APIs put in their response bodies, as seen in their documentation. Matched
 * case-sensitively as plain substrings of the first 64 KiB of a body.
 */
final class ErrorSignatures {

    /** What a signature says about the provider. */
    enum Kind {

        /** The caller is being throttled or is out of quota: the door works but refuses us. */
        RATE_LIMIT,

        /** The provider is overloaded or unavailable. */
        OVERLOAD

    }

    private record Signature(String text, Kind kind) {
    }

    private static final List<Signature> TABLE = List.of(
            new Signature("rate_limit_error", Kind.RATE_LIMIT),
            new Signature("rate_limit_exceeded", Kind.RATE_LIMIT),
            new Signature("insufficient_quota", Kind.RATE_LIMIT),
            new Signature("RESOURCE_EXHAUSTED", Kind.RATE_LIMIT),
            new Signature("Throttling", Kind.RATE_LIMIT),
            new Signature("too_many_requests", Kind.RATE_LIMIT),
            new Signature("quota_exceeded", Kind.RATE_LIMIT),
            new Signature("overloaded_error", Kind.OVERLOAD),
            new Signature("server_is_overloaded", Kind.OVERLOAD),
            new Signature("engine_overloaded", Kind.OVERLOAD),
            new Signature("capacity_exceeded", Kind.OVERLOAD),
            new Signature("service_unavailable", Kind.OVERLOAD),
            new Signature("UNAVAILABLE", Kind.OVERLOAD),
            new Signature("DEADLINE_EXCEEDED", Kind.OVERLOAD));

    private ErrorSignatures() {
    }

    /** The signatures found in a body, in table order. */
    static List<String> find(byte[] body) {
        if (body == null || body.length == 0) {
            return List.of();
        }
        String text = new String(body, StandardCharsets.UTF_8);
        List<String> found = new ArrayList<>();
        for (Signature signature : TABLE) {
            if (text.contains(signature.text())) {
                found.add(signature.text());
            }
        }
        return found;
    }

    static boolean any(List<String> found, Kind kind) {
        return TABLE.stream().anyMatch((signature) -> signature.kind() == kind && found.contains(signature.text()));
    }

}
