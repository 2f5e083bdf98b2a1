package dev.llmstatus.probe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A struggling monitor is not a provider outage: when most unrelated providers get no answer at once (no DNS, no
 * connection, or no status line before the deadline), the likelier cause is our side, and the monitor says so.
 */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class SelfCheckTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Autowired
    ProbeResultRepository results;

    @Autowired
    MonitorStateRepository states;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final List<Object> published = new ArrayList<>();

    @Test
    void timeoutsBeforeAnyAnswerAtFourInFiveProvidersMeanOurSideNotTheirs() {
        for (int i = 1; i <= 4; i++) {
            save(unanswered("starved-" + i, ErrorClass.TIMEOUT));
        }
        save(answered("starved-5", 503));
        selfCheck().run();
        MonitorState state = this.states.findById(MonitorStateEntity.ID).orElseThrow().toState();
        assertThat(state.offline()).isTrue();
        assertThat(this.published).hasSize(1);
    }

    @Test
    void providersThatAnswerEvenWithErrorsKeepTheMonitorOnline() {
        for (int i = 1; i <= 3; i++) {
            save(unanswered("busy-" + i, (i == 1) ? ErrorClass.DNS : ErrorClass.TIMEOUT));
        }
        // HTTP errors are answers: these providers were reached, and what they said is their own state.
        save(answered("busy-4", 500));
        save(answered("busy-5", 529));
        selfCheck().run();
        assertThat(this.states.findById(MonitorStateEntity.ID).orElseThrow().toState().offline()).isFalse();
    }

    private SelfCheck selfCheck() {
        return new SelfCheck(this.results, this.states, new TransactionTemplate(this.transactionManager),
                this.published::add, Duration.ofMinutes(1), 3, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void save(ProbeResult result) {
        this.results.save(new ProbeResultEntity(result));
    }

    private static ProbeResult unanswered(String provider, ErrorClass error) {
        return new ProbeResult(provider, "api", NOW.minusSeconds(10), Duration.ofSeconds(3), null, Outcome.DOWN, error,
                null, null, null, List.of(), error.name().toLowerCase(), null);
    }

    private static ProbeResult answered(String provider, int status) {
        return new ProbeResult(provider, "api", NOW.minusSeconds(10), Duration.ofMillis(80), status, Outcome.DOWN,
                ErrorClass.HTTP_5XX, null, null, null, List.of(), "HTTP " + status, null);
    }

}
