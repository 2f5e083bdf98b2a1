package dev.llmstatus.status;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Listens to {@link StatusEvent}s as the notification outbox will: before commit, inside the transaction that
 * records the change, and after commit. Import {@link Configuration} to get one.
 */
class StatusEventLog {

    /** Events whose transaction committed, in order. */
    final List<StatusEvent> committed = new CopyOnWriteArrayList<>();

    /** Events seen before commit, each with whether a transaction was active when it arrived. */
    final List<Boolean> beforeCommitInTransaction = new CopyOnWriteArrayList<>();

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void beforeCommit(StatusEvent event) {
        this.beforeCommitInTransaction.add(TransactionSynchronizationManager.isActualTransactionActive());
    }

    @TransactionalEventListener
    void afterCommit(StatusEvent event) {
        this.committed.add(event);
    }

    void clear() {
        this.committed.clear();
        this.beforeCommitInTransaction.clear();
    }

    List<String> ids() {
        return this.committed.stream().map(StatusEvent::eventId).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        StatusEventLog statusEventLog() {
            return new StatusEventLog();
        }

    }

}
