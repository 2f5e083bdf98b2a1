package dev.llmstatus.catalog;

import java.net.URI;
import java.util.List;
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
 * @param filter on a dashboard shared by many services (Google Cloud, AWS Health), the products or services that are
 * this provider's, in the dashboard's own words (a Google Cloud product title or id, an AWS service code such as
 * {@code bedrock}); on a Statuspage or incident.io page shared with another company (Replicate's component on
 * Cloudflare's page), the names of the provider's own components or groups, whose levels then make its headline
 * instead of the page-wide indicator; empty elsewhere
 */
public record StatusPageSource(@NotNull StatusPageKind kind, @WebUrl URI url, @WebUrl URI api, @WebUrl URI feed,
        List<String> filter) {

    public static final StatusPageSource NONE = new StatusPageSource(StatusPageKind.NONE, null, null, null);

    public StatusPageSource {
        filter = (filter != null) ? List.copyOf(filter) : List.of();
    }

    /** A page of its own, not a shared dashboard. */
    public StatusPageSource(StatusPageKind kind, URI url, URI api, URI feed) {
        this(kind, url, api, feed, List.of());
    }

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
        if (this.kind.shared() && this.filter.isEmpty()) {
            return Optional.of("filter");
        }
        return Optional.empty();
    }

}
