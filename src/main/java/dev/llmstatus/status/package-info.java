/**
 * Status levels and their order, damping, provider and component status, incidents, and the immutable snapshot that every page reads.
 */
package dev.llmstatus.status;
