package dev.llmstatus.catalog;

/**
 * The platforms of official status pages we can read. The catalog names a kind in lower case with dashes for
 * underscores ({@code statuspage}, {@code none}).
 */
public enum StatusPageKind {

    /** Atlassian Statuspage, read through its v2 JSON API. */
    STATUSPAGE,

    /** incident.io, which serves a Statuspage-compatible v2 JSON API. */
    INCIDENTIO,

    /** Only an RSS or Atom incident feed. */
    FEED,

    /** No machine-readable official page. */
    NONE

}
