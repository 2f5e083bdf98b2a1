/**
 * Model checks: one small streaming inference request per catalog model with the operator's key, measuring time to
 * first token, tokens per second and whether the answer is right, with their history and metrics.
 */
package dev.llmstatus.model;
