package dev.llmstatus.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Decides whether the monitor itself is offline. Probes are jittered, so there is no instant at which "a cycle"
 * ends; a cycle is instead the sliding window of the longest probe interval in the catalog, which holds the latest
 * probe of every component. When that window holds at least {@code offlineMinProbes} results and every one of them
 * failed at the network level (DNS or connect: {@link ErrorClass#network()}), the problem is our network, not 40
 * providers at once: the monitor is offline. One result that got through (any HTTP answer, even a 503) brings it back
 * online. With fewer results than the minimum, the state stays as it was. The verdict is kept in one database row,
 * so every instance reads the same state.
 */
final class SelfCheck {

    private static final Logger logger = LoggerFactory.getLogger(SelfCheck.class);

    private static final List<ErrorClass> NETWORK = List.of(ErrorClass.DNS, ErrorClass.CONNECT);

    private final ProbeResultRepository results;

    private final MonitorStateRepository states;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final Duration window;

    private final int minProbes;

    private final Clock clock;

    SelfCheck(ProbeResultRepository results, MonitorStateRepository states, TransactionTemplate transactions,
            ApplicationEventPublisher events, Duration window, int minProbes, Clock clock) {
        this.results = results;
        this.states = states;
        this.transactions = transactions;
        this.events = events;
        this.window = window;
        this.minProbes = minProbes;
        this.clock = clock;
    }

    void run() {
        Instant now = this.clock.instant();
        Object[] counts = this.results.countSince(now.minus(this.window), NETWORK).get(0);
        int checks = ((Number) counts[0]).intValue();
        int networkFailures = ((Number) counts[1]).intValue();
        if (checks < this.minProbes) {
            return;
        }
        boolean offline = networkFailures == checks;
        boolean changed = Boolean.TRUE.equals(this.transactions.execute((status) -> {
            MonitorStateEntity state = this.states.findById(MonitorStateEntity.ID)
                .orElseGet(() -> new MonitorStateEntity(!offline, null));
            boolean before = state.toState().offline();
            state.record(offline, now, checks, networkFailures);
            this.states.save(state);
            return before != offline || state.toState().since().equals(now);
        }));
        if (changed) {
            if (offline) {
                logger.warn("Monitoring offline: all {} probes of the last {} failed at the network level (DNS or "
                        + "connect); components will show as unknown", checks, this.window);
            }
            else {
                logger.info("Monitoring online: {} of the last {} probes reached their target", checks - networkFailures,
                        checks);
            }
            this.events.publishEvent(new ProbeResultsRecorded(now));
        }
    }

}
