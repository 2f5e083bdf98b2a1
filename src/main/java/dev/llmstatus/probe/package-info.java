/**
 * The prober: scheduling, HTTP front-door probes, result classification, history, rollups and probe metrics.
 */
package dev.llmstatus.probe;
