/**
 * The machine-readable outputs: the Statuspage-compatible JSON API, incident feeds and status badges.
 */
package dev.llmstatus.api;
