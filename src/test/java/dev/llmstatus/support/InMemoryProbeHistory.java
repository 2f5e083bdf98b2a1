package dev.llmstatus.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import dev.llmstatus.official.OfficialHistory;
import dev.llmstatus.official.OfficialIncident;
import dev.llmstatus.official.OfficialStatus;
import dev.llmstatus.probe.HourlyRollup;
import dev.llmstatus.probe.MonitorState;
import dev.llmstatus.probe.ProbeHistory;
import dev.llmstatus.probe.ProbeResult;

/**
 * A probe and official page history that tests fill by hand, for driving the status engine through exact sequences.
 */
public final class InMemoryProbeHistory implements ProbeHistory, OfficialHistory {

    private final List<ProbeResult> results = new CopyOnWriteArrayList<>();

    private final List<HourlyRollup> rollups = new CopyOnWriteArrayList<>();

    private final Map<String, OfficialStatus> official = new LinkedHashMap<>();

    private volatile MonitorState monitor = MonitorState.STARTING;

    public void add(List<ProbeResult> results) {
        this.results.addAll(results);
    }

    public void addRollups(List<HourlyRollup> rollups) {
        this.rollups.addAll(rollups);
    }

    public synchronized void official(OfficialStatus status) {
        this.official.put(status.provider(), status);
    }

    public void monitor(MonitorState monitor) {
        this.monitor = monitor;
    }

    public void clear() {
        this.results.clear();
        this.rollups.clear();
        synchronized (this) {
            this.official.clear();
        }
        this.monitor = MonitorState.STARTING;
    }

    @Override
    public List<ProbeResult> resultsSince(Instant since) {
        return this.results.stream()
            .filter((r) -> !r.startedAt().isBefore(since))
            .sorted(Comparator.comparing(ProbeResult::startedAt))
            .toList();
    }

    @Override
    public List<HourlyRollup> rollupsSince(Instant since) {
        return this.rollups.stream().filter((r) -> !r.hour().isBefore(since)).toList();
    }

    @Override
    public synchronized List<OfficialStatus> latestOfficial() {
        return new ArrayList<>(this.official.values());
    }

    @Override
    public synchronized List<OfficialIncident> startedBetween(String provider, Instant from, Instant to) {
        return officialIncidents(provider).filter((i) -> !i.createdAt().isBefore(from) && i.createdAt().isBefore(to))
            .sorted(Comparator.comparing(OfficialIncident::createdAt).reversed())
            .toList();
    }

    @Override
    public synchronized Instant firstStarted(String provider) {
        return officialIncidents(provider).map(OfficialIncident::createdAt).min(Comparator.naturalOrder()).orElse(null);
    }

    private Stream<OfficialIncident> officialIncidents(String provider) {
        OfficialStatus status = this.official.get(provider);
        return (status == null) ? Stream.empty()
                : Stream.concat(status.incidents().stream(), status.maintenances().stream());
    }

    @Override
    public MonitorState monitorState() {
        return this.monitor;
    }

}
