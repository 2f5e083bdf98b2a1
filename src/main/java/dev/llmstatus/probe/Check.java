package dev.llmstatus.probe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.llmstatus.catalog.CheckDefinition;
import dev.llmstatus.catalog.CheckKind;

/**
 * One kind of check: how the prober checks a catalog entry whose definition is of {@link #kind()}. The scheduler
 * decides when and where (interval, jitter, cluster lock, per-host limit) and hands each due entry to the check
 * of its kind; a check only runs it and classifies what came back. A new kind is one class implementing this
 * interface, made a bean of the prober (see {@code ProbeConfiguration}), plus its {@link CheckKind} and
 * definition record in the catalog.
 * <p>
 * Implementations must not hold a thread while waiting on the network, and must never complete exceptionally:
 * every failure is a result.
 */
public interface Check {

    /** The kind of definition this check runs; exactly one check per kind. */
    CheckKind kind();

    /**
     * Runs one check.
     *
     * @param provider the provider's slug
     * @param key the checked entry's key within the provider (a component key)
     * @param definition a definition of {@link #kind()}
     * @return the result, never completed exceptionally; {@code null} when the check chose to send nothing this
     * time (a model check whose provider's daily budget is used up, or that a Retry-After asked to wait)
     */
    CompletableFuture<ProbeResult> run(String provider, String key, CheckDefinition definition);

    /**
     * Whether this instance runs the entry at all; asked once, when the schedule is built. A model check without the
     * operator's API key is not scheduled.
     */
    default boolean enabled(String provider, CheckDefinition definition) {
        return true;
    }

    /**
     * What a result of this kind still says when the prober itself was behind while measuring it (a saturated CPU,
     * a stalled process, a late start; see {@code ProberLoad}): our own queueing must not make a component slow or
     * down. By default the result stands as it is, marked.
     *
     * @param result the result as measured
     * @param definition the checked entry's definition
     * @param stalled how long our process was stalled while the check was on the wire
     * @return the result to record, marked with {@link ProbeResult#underLoad}, or {@code null} when it says nothing
     * about the provider at all (it is then counted, logged, and not recorded)
     */
    default ProbeResult underLoad(ProbeResult result, CheckDefinition definition, Duration stalled) {
        return result.underLoad(result.outcome(), result.detail());
    }

}
