/**
 * The prober: the {@code Check} interface and one class per check kind (the HTTP front door today), scheduling across
 * instances, result classification, the history with its rollups and retention, monitor health and probe metrics.
 * Depends on the catalog only.
 */
package dev.llmstatus.probe;
