package dev.llmstatus.status;

import java.time.Instant;

/**
 * One component (or model, keyed {@code model:<id>}) changed level after damping. Unknown is not a level change
 * in either direction: "we cannot tell" is neither a failure nor a recovery, so no event is published for it.
 *
 * @param eventId stable id, see {@link StatusEvent#eventId()}
 * @param provider provider slug
 * @param component the component key, or {@code model:<id>}
 * @param oldLevel the level before
 * @param newLevel the level now
 * @param reason the new level in words
 * @param occurredAt when the new level began
 */
public record ComponentLevelChanged(String eventId, String provider, String component, Status oldLevel,
        Status newLevel, String reason, Instant occurredAt) implements StatusEvent {
}
