package dev.llmstatus.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusProperties;
import dev.llmstatus.status.StatusSnapshot;

import org.springframework.stereotype.Component;

/**
 * View models built once per snapshot and shared by every page that shows them: chart geometry, the FAQ and is-down
 * prose of a provider, the per-provider views of an error topic. The page cache renders each page once per snapshot,
 * but pages share views (a provider's FAQ is on its page and its is-down page; each provider's view of an error topic
 * is on its error page, its errors index and the site-wide topic page), and renders the cache does not keep (a
 * report form coming back with a message) must not redo them under a surge.
 * <p>
 * Views belong to one snapshot version: the first request for a newer snapshot starts a new generation and the old
 * one is dropped whole. A request still holding an older snapshot builds its views without keeping them.
 */
@Component
class SnapshotViews {

    private final AtomicReference<Generation> current = new AtomicReference<>(new Generation(Long.MIN_VALUE));

    /**
     * The view of {@code kind} for {@code key} in this snapshot, built by {@code build} the first time it is asked
     * for.
     */
    @SuppressWarnings("unchecked")
    <T> T get(StatusSnapshot snapshot, String kind, Object key, Supplier<T> build) {
        Generation generation = generation(snapshot.version());
        if (generation == null) {
            return build.get();
        }
        List<Object> id = List.of(kind, key);
        Object view = generation.views.get(id);
        if (view == null) {
            // built outside the map's lock: a view may itself ask for other views
            view = build.get();
            Object raced = generation.views.putIfAbsent(id, view);
            if (raced != null) {
                view = raced;
            }
        }
        return (T) view;
    }

    /** A provider's FAQ, on its page and its is-down page: one key, so that both pages share one build. */
    List<Faq> faq(StatusSnapshot snapshot, ProviderState state, StatusProperties properties) {
        return get(snapshot, "faq", state.slug(),
                () -> ProviderFaq.of(state, snapshot.monitor().offline(), properties));
    }

    private Generation generation(long version) {
        while (true) {
            Generation generation = this.current.get();
            if (generation.version == version) {
                return generation;
            }
            if (generation.version > version) {
                return null;
            }
            this.current.compareAndSet(generation, new Generation(version));
        }
    }

    private static final class Generation {

        private final long version;

        private final Map<List<Object>, Object> views = new ConcurrentHashMap<>();

        Generation(long version) {
            this.version = version;
        }

    }

}
