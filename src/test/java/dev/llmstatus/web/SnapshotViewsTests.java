package dev.llmstatus.web;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.status.StatusSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views are built once per snapshot, shared between pages, rebuilt for a newer snapshot, and never kept for an
 * older one.
 */
class SnapshotViewsTests {

    private final SnapshotViews views = new SnapshotViews();

    private final AtomicInteger builds = new AtomicInteger();

    @Test
    void aViewIsBuiltOncePerSnapshotAndKeyAndAgainForTheNextSnapshot() {
        StatusSnapshot first = snapshot(1);
        assertThat(faq(first, "stepfun")).isEqualTo("faq stepfun #1");
        assertThat(faq(first, "stepfun")).isEqualTo("faq stepfun #1");
        assertThat(faq(first, "openai")).isEqualTo("faq openai #2");
        assertThat(this.views.get(first, "charts", "stepfun", () -> "charts")).as("kinds do not mix")
            .isEqualTo("charts");
        StatusSnapshot second = snapshot(2);
        assertThat(faq(second, "stepfun")).isEqualTo("faq stepfun #3");
        assertThat(faq(second, "stepfun")).isEqualTo("faq stepfun #3");
    }

    @Test
    void aRequestHoldingAnOlderSnapshotBuildsItsOwnViewWithoutReplacingTheNewOnes() {
        StatusSnapshot newer = snapshot(7);
        assertThat(faq(newer, "stepfun")).isEqualTo("faq stepfun #1");
        StatusSnapshot older = snapshot(6);
        assertThat(faq(older, "stepfun")).isEqualTo("faq stepfun #2");
        assertThat(faq(older, "stepfun")).as("not kept").isEqualTo("faq stepfun #3");
        assertThat(faq(newer, "stepfun")).as("the newer generation survived").isEqualTo("faq stepfun #1");
    }

    private String faq(StatusSnapshot snapshot, String slug) {
        return this.views.get(snapshot, "faq", slug, () -> "faq " + slug + " #" + this.builds.incrementAndGet());
    }

    private static StatusSnapshot snapshot(long version) {
        return new StatusSnapshot(version, Instant.now(), MonitorState.STARTING, List.of());
    }

}
