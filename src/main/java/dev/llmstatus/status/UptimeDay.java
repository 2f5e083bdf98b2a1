package dev.llmstatus.status;

import java.time.LocalDate;

/**
 * One day of a component's 90-day uptime bar.
 *
 * @param date the day (UTC)
 * @param checks probes that day
 * @param failures failed probes that day
 * @param level the day's colour: operational, degraded, partial or major outage, or unknown without data
 */
public record UptimeDay(LocalDate date, int checks, int failures, Status level) {

    public Double uptime() {
        return (this.checks == 0) ? null : 1.0 - ((double) this.failures / this.checks);
    }

    /** Words for the bar's tooltip and text alternative. */
    public String describe() {
        if (this.checks == 0) {
            return this.date + ": no data";
        }
        return this.date + ": " + Uptime.percent(uptime()) + " of " + this.checks + " checks succeeded";
    }

}
