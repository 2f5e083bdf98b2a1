/**
 * The error knowledge base: explainer topics, per-provider overlays and retry examples loaded from YAML and rendered at start-up, plus the paste-your-error lookup.
 */
package dev.llmstatus.errors;
