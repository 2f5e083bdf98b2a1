/**
 * Cross-cutting set-up: configuration, binding of YAML configuration files, security headers, the clock and error pages.
 */
package dev.llmstatus.system;
