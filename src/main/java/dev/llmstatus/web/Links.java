package dev.llmstatus.web;

import java.time.YearMonth;

import dev.llmstatus.status.IncidentView;

/**
 * The site's paths, built in one place: controllers use the static methods, templates the {@code links} model
 * attribute ({@code ${links.provider(state.slug())}}).
 */
public final class Links {

    static final Links INSTANCE = new Links();

    private Links() {
    }

    public static String provider(String slug) {
        return "/status/" + slug;
    }

    public static String isDown(String slug) {
        return "/is-" + slug + "-down";
    }

    public static String errors(String slug) {
        return provider(slug) + "/errors";
    }

    public static String error(String slug, String topic) {
        return errors(slug) + "/" + topic;
    }

    public static String topic(String topic) {
        return "/errors/" + topic;
    }

    public static String feed(String slug, String extension) {
        return provider(slug) + "/history." + extension;
    }

    public static String reports(String slug) {
        return provider(slug) + "/reports";
    }

    public static String model(String slug, String id) {
        return provider(slug) + "/models/" + id;
    }

    public static String incident(String slug, String id) {
        return IncidentView.path(slug, id);
    }

    public static String history(String slug) {
        return provider(slug) + "/history";
    }

    /** One month of a provider's history; the current month is the history page itself. */
    public static String history(String slug, YearMonth month, YearMonth current) {
        return month.equals(current) ? history(slug) : history(slug) + "/" + month;
    }

}
