package dev.llmstatus.official;

import java.util.List;

/**
 * What the status engine reads of the official pages. Implementations read the database, so callers are the
 * snapshot builder and other background work, never a page request.
 */
public interface OfficialHistory {

    /** The latest reading of each provider's official page (one per provider that has been read). */
    List<OfficialStatus> latestOfficial();

}
