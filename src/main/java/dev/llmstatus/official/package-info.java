/**
 * Official status pages: reads each provider's own page (Statuspage and incident.io JSON, Flashduty, RSS/Atom
 * feeds) in the platform's own words and keeps the latest reading and its incidents and maintenances; the status
 * package maps those words onto our levels.
 */
package dev.llmstatus.official;
