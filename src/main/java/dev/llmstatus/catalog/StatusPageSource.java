package dev.llmstatus.catalog;

import java.net.URI;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;

import dev.llmstatus.system.WebUrl;

/**
 * A provider's official status page.
 *
 * @param kind its platform
 * @param url the page people read, or {@code null} when there is none
 * @param api the Statuspage-compatible {@code summary.json}, or {@code null}
 * @param feed an RSS or Atom incident feed, or {@code null}
 */
public record StatusPageSource(@NotNull StatusPageKind kind, @WebUrl URI url, @WebUrl URI api, @WebUrl URI feed) {

    public static final StatusPageSource NONE = new StatusPageSource(StatusPageKind.NONE, null, null, null);

    /** Whether we read this page by machine. */
    public boolean readable() {
        return this.kind.read();
    }

    /** Whether there is a page people can be sent to, read by machine or not. */
    public boolean exists() {
        return this.url != null;
    }

    /** The first field its kind needs that the catalog left out. */
    Optional<String> missingField() {
        if (this.kind != StatusPageKind.NONE && this.url == null) {
            return Optional.of("url");
        }
        if (this.kind.readsApi() && this.api == null) {
            return Optional.of("api");
        }
        if (this.kind == StatusPageKind.FEED && this.feed == null) {
            return Optional.of("feed");
        }
        return Optional.empty();
    }

}
