package dev.llmstatus.status;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.llmstatus.probe.MonitorState;

/**
 * The whole site's state at one moment. Immutable; built in the background and swapped atomically. Every page
 * reads one snapshot and nothing else.
 */
public final class StatusSnapshot {

    private final long version;

    private final Instant builtAt;

    private final MonitorState monitor;

    private final List<ProviderState> providers;

    private final Map<String, ProviderState> bySlug;

    private final List<ProviderState> problemsFirst;

    private final Map<Status, Long> counts;

    private final Instant lastChecked;

    public StatusSnapshot(long version, Instant builtAt, MonitorState monitor, List<ProviderState> providers) {
        this.version = version;
        this.builtAt = builtAt;
        this.monitor = monitor;
        this.providers = List.copyOf(providers);
        this.bySlug = this.providers.stream()
            .collect(Collectors.toMap(ProviderState::slug, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.problemsFirst = this.providers.stream()
            .sorted(Comparator.comparingInt((ProviderState state) -> state.level().worstFirstRank()))
            .toList();
        Map<Status, Long> tally = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            tally.put(status, 0L);
        }
        this.providers.forEach((provider) -> tally.merge(provider.level(), 1L, Long::sum));
        this.counts = Collections.unmodifiableMap(tally);
        this.lastChecked = this.providers.stream()
            .map(ProviderState::lastChecked)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null);
    }

    public long version() {
        return this.version;
    }

    public Instant builtAt() {
        return this.builtAt;
    }

    public MonitorState monitor() {
        return this.monitor;
    }

    public List<ProviderState> providers() {
        return this.providers;
    }

    /** Worst first (see {@link Status#worstFirst()}); catalog order within a level. */
    public List<ProviderState> problemsFirst() {
        return this.problemsFirst;
    }

    public Optional<ProviderState> provider(String slug) {
        return Optional.ofNullable(this.bySlug.get(slug));
    }

    /** How many providers are at each level (every level present, zero included). */
    public Map<Status, Long> counts() {
        return this.counts;
    }

    /** What our checks of all providers send, worded to follow "Our checks "; see {@link ProviderState#checksSend()}. */
    public String checksSend() {
        return ProviderState.checksSend(this.providers.stream().flatMap((state) -> state.components().stream()));
    }

    /** The freshest check of any component, or {@code null} before the first. */
    public Instant lastChecked() {
        return this.lastChecked;
    }

}
