/**
 * The prober: scheduling, HTTP front-door probes, official status page readers, result classification, history, rollups and probe metrics.
 */
package dev.llmstatus.probe;
