package dev.llmstatus.catalog;

/**
 * The platforms of official status pages we can read.
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
