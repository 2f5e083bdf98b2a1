/**
 * The error knowledge base: explainer topics, per-provider overlays and retry examples bound from YAML and rendered at start-up, plus the paste-your-error lookup. It sits beside the data flow and knows only the catalog.
 */
package dev.llmstatus.errors;
