/**
 * Cross-cutting set-up: configuration, security headers, the clock and error pages.
 */
package dev.llmstatus.system;
