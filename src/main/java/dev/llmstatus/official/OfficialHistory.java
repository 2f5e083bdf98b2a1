package dev.llmstatus.official;

import java.time.Instant;
import java.util.List;

/**
 * What the status engine reads of the official pages. Implementations read the database, so callers are the
 * snapshot builder and other background work, never a page request.
 */
public interface OfficialHistory {

    /** The latest reading of each provider's official page (one per provider that has been read). */
    List<OfficialStatus> latestOfficial();

    /** One provider's official incidents and maintenances that began in {@code [from, to)}, newest first. */
    List<OfficialIncident> startedBetween(String provider, Instant from, Instant to);

    /** When one provider's oldest kept official incident or maintenance began, or {@code null}. */
    Instant firstStarted(String provider);

}
