package dev.llmstatus.catalog;

import java.net.URI;
import java.time.Duration;

/**
 * What every kind of check definition has in common: the prober schedules, locks and limits checks by these, and
 * hands the definition to the check class of its {@link #kind()}.
 */
public interface CheckDefinition {

    /** Which check class runs it. */
    CheckKind kind();

    /** The target; its host is what per-host limits count. */
    URI url();

    /** Total deadline for one check. */
    Duration timeout();

    /** Time between two checks. */
    Duration interval();

}
