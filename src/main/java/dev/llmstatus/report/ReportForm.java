package dev.llmstatus.report;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The report form as submitted. Every field is text, so that whatever arrives binds and can be shown back with its
 * errors.
 *
 * @param type the problem, a {@link ReportType} name
 * @param component the affected component's key, or blank for the whole service
 * @param errorCode the error the visitor saw ({@code 429}, {@code overloaded_error}), optional
 * @param comment free text, optional
 * @param website the honeypot: hidden from people, so anything in it comes from a bot
 */
public record ReportForm(
        @NotBlank(message = "Choose what is going wrong.") @Pattern(regexp = ReportType.PATTERN,
                message = "Choose one of the listed problems.") String type,
        String component,
        @Size(max = 64, message = "Keep the error code to 64 characters.") @Pattern(
                regexp = "[\\p{L}\\p{N}\\p{P}\\p{S} ]*",
                message = "Use letters, digits and punctuation only in the error code.") String errorCode,
        @Size(max = 500, message = "Keep the comment to 500 characters.") String comment,
        String website) {

    /** The form from request parameters, each read as text; absent ones are {@code null}. */
    public static ReportForm of(Map<String, String> parameters) {
        return new ReportForm(parameters.get("type"), parameters.get("component"), parameters.get("errorCode"),
                parameters.get("comment"), parameters.get("website"));
    }

    /** An empty form for a fresh page. */
    public static ReportForm empty() {
        return new ReportForm(null, null, null, null, null);
    }

    /** The problems to choose from, in display order. */
    public List<ReportType> types() {
        return List.of(ReportType.values());
    }

    boolean fromBot() {
        return this.website != null && !this.website.isEmpty();
    }

}
