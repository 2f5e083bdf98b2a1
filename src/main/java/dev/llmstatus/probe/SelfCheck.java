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
 * Decides whether the monitor itself is offline, or struggling so badly that its checks say more about us than about
 * the providers. Probes are jittered, so there is no instant at which "a cycle" ends; a cycle is instead the sliding
 * window of the longest probe interval in the catalog, which holds the latest probe of every component. A provider
 * got no answer in that window when every one of its checks failed at the network level (DNS or connect:
 * {@link ErrorClass#network()}) or timed out before any status line came back. When the window holds at least
 * {@code offlineMinProbes} results and most providers (four in five) got no answer, the likelier cause is our side
 * (our network, a stalling resolver, a starved CPU), not dozens of unrelated providers failing at once: the monitor
 * is offline and components show as unknown. Answers from enough providers (any HTTP answer, even a 503) bring it
 * back online. With fewer results than the minimum, the state stays as it was. The verdict is kept in one database
 * row, so every instance reads the same state.
 */
final class SelfCheck {

    private static final Logger logger = LoggerFactory.getLogger(SelfCheck.class);

    private static final List<ErrorClass> NETWORK = List.of(ErrorClass.DNS, ErrorClass.CONNECT);

    /** The share of providers that must get no answer for the monitor to blame itself. */
    private static final double MOST = 0.8;

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
        int checks = 0;
        int networkFailures = 0;
        int providers = 0;
        int unanswered = 0;
        for (Object[] counts : this.results.countUnansweredSince(now.minus(this.window), NETWORK,
                ErrorClass.TIMEOUT)) {
            int provided = ((Number) counts[1]).intValue();
            int failed = ((Number) counts[2]).intValue();
            checks += provided;
            networkFailures += failed;
            providers++;
            if (failed == provided) {
                unanswered++;
            }
        }
        if (checks < this.minProbes) {
            return;
        }
        boolean offline = unanswered >= Math.ceil(providers * MOST);
        int total = checks;
        int failures = networkFailures;
        boolean changed = Boolean.TRUE.equals(this.transactions.execute((status) -> {
            MonitorStateEntity state = this.states.findById(MonitorStateEntity.ID)
                .orElseGet(() -> new MonitorStateEntity(!offline, null));
            boolean before = state.toState().offline();
            state.record(offline, now, total, failures);
            this.states.save(state);
            return before != offline || state.toState().since().equals(now);
        }));
        if (changed) {
            if (offline) {
                logger.warn("Monitoring offline: {} of {} providers got no answer to any probe in the last {} (DNS, "
                        + "connect or no status line in time); that points at our side, so components will show as "
                        + "unknown", unanswered, providers, this.window);
            }
            else {
                logger.info("Monitoring online: {} of the last {} probes got an answer, from {} of {} providers",
                        checks - networkFailures, checks, providers - unanswered, providers);
            }
            this.events.publishEvent(new ProbeResultsRecorded(now));
        }
    }

}
