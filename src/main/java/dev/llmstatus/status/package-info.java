/**
 * Status levels and their order, damping, provider and component status, incident tracking and its events, and the
 * immutable snapshot that every page reads. Reads the prober's, the official pages' and the models' history.
 */
package dev.llmstatus.status;
