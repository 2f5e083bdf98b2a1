package dev.llmstatus.probe;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The monitor's own state: one row, shared by every instance. */
@Entity
@Table(name = "probe_monitor_state")
class MonitorStateEntity {

    static final int ID = 1;

    @Id
    private Integer id;

    private boolean offline;

    private Instant since;

    @Column(name = "last_cycle_at")
    private Instant lastCycleAt;

    private int checks;

    @Column(name = "network_failures")
    private int networkFailures;

    protected MonitorStateEntity() {
    }

    MonitorStateEntity(boolean offline, Instant since) {
        this.id = ID;
        this.offline = offline;
        this.since = since;
    }

    /** Records one self-check; the state's start moves only when it changes. */
    void record(boolean offline, Instant at, int checks, int networkFailures) {
        if (offline != this.offline || this.since == null) {
            this.offline = offline;
            this.since = at;
        }
        this.lastCycleAt = at;
        this.checks = checks;
        this.networkFailures = networkFailures;
    }

    MonitorState toState() {
        return new MonitorState(this.offline, this.since, this.lastCycleAt);
    }

}
