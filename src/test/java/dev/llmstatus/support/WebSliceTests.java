package dev.llmstatus.support;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.Status;
import dev.llmstatus.status.StatusEngine;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;

/**
 * The base of the {@link WebSliceTest} classes: the engine is a mock (every page, and the page cache in front of
 * them, reads its snapshot), the catalog is the bundled one.
 */
public abstract class WebSliceTests {

    @MockitoBean
    protected StatusEngine engine;

    @Autowired
    protected Catalog catalog;

    @Autowired
    protected MockMvc mvc;

    /** From now on the engine answers a new snapshot of these providers. */
    protected void snapshot(MonitorState monitor, ProviderState... providers) {
        given(this.engine.current()).willReturn(Snapshots.of(monitor, providers));
    }

    /** The catalog provider {@code slug} at {@code level}, see {@link Snapshots#provider}. */
    protected ProviderState provider(String slug, Status level, String reason) {
        return Snapshots.provider(this.catalog, slug, level, reason);
    }

}
