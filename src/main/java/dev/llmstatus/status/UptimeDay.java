package dev.llmstatus.status;

import java.time.LocalDate;

/**
 * One day of a component's 90-day uptime bar.
 *
 * @param date the day (UTC)
 * @param checks probes that reached the provider that day
 * @param failures of those, failed probes
 * @param hoursCovered hours of the day with at least one such probe
 * @param hours hours of the day so far (24 for a past day)
 * @param level the day's colour: operational, degraded, partial or major outage, or unknown without data
 */
public record UptimeDay(LocalDate date, int checks, int failures, int hoursCovered, int hours,
        Status level) {

    public Double uptime() {
        return (this.checks == 0) ? null : 1.0 - ((double) this.failures / this.checks);
    }

    /** Words for the bar's tooltip and text alternative. */
    public String describe() {
        if (this.checks == 0) {
            return this.date + ": no data";
        }
        String text = this.date + ": " + Uptime.percent(uptime()) + " of " + this.checks + " checks succeeded";
        return (this.hoursCovered < this.hours)
                ? text + " (data for " + this.hoursCovered + " of " + this.hours + " hours)" : text;
    }

}
