/**
 * Community outage reports: the report form, abuse limits, privacy-preserving reporter hashes, aggregation and spike
 * detection for the snapshot.
 */
package dev.llmstatus.report;
