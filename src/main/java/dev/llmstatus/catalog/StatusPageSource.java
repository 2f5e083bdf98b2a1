package dev.llmstatus.catalog;

import java.net.URI;

/**
 * A provider's official status page.
 *
 * @param kind its platform
 * @param url the page people read, or {@code null} when there is none
 * @param api the Statuspage-compatible {@code summary.json}, or {@code null}
 * @param feed an RSS or Atom incident feed, or {@code null}
 */
public record StatusPageSource(StatusPageKind kind, URI url, URI api, URI feed) {

    public static final StatusPageSource NONE = new StatusPageSource(StatusPageKind.NONE, null, null, null);

    /** Whether we read this page (platforms we know but have no reader for are not). */
    public boolean readable() {
        return this.kind.read();
    }

}
