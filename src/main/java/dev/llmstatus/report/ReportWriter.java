package dev.llmstatus.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores reports in groups: one writer thread takes whatever reports are waiting and commits them in one
 * transaction, and each request returns only once the transaction holding its report has committed. Under a
 * surge this turns hundreds of commits (and connection hand-overs) a second into a few, without giving up the
 * promise that a thanked report is stored.
 */
@Component
class ReportWriter implements SmartLifecycle {

    private static final int MAX_BATCH = 256;

    private static final int MAX_WAITING = 10_000;

    /** How long a request waits for its report's commit before telling the visitor it was not recorded. */
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private static final int WAITING = 0;

    private static final int CLAIMED = 1;

    private static final int ABANDONED = 2;

    private final CommunityReportRepository reports;

    private final TransactionTemplate transactions;

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_WAITING);

    private volatile Thread writer;

    ReportWriter(CommunityReportRepository reports, TransactionTemplate transactions) {
        this.reports = reports;
        this.transactions = transactions;
    }

    /**
     * Stores one report and returns once it is committed.
     *
     * @throws NotWritten when it was not stored: the database failed, or too many reports are waiting
     */
    void write(CommunityReport report) {
        Pending pending = new Pending(report);
        if (this.writer == null || !this.queue.offer(pending)) {
            throw new NotWritten("report writer stopped or full", null);
        }
        try {
            pending.done.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            if (pending.state.compareAndSet(WAITING, ABANDONED)) {
                throw new NotWritten("no commit within " + PATIENCE, ex);
            }
            // The writer has it already: its outcome is the answer.
            outcome(pending.done::join);
        }
        catch (ExecutionException ex) {
            throw new NotWritten("write failed", ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new NotWritten("interrupted", ex);
        }
    }

    private static void outcome(Runnable join) {
        try {
            join.run();
        }
        catch (RuntimeException ex) {
            throw new NotWritten("write failed", ex.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(this.queue.take());
            }
            catch (InterruptedException ex) {
                break;
            }
            this.queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
        this.queue.drainTo(batch);
        commit(batch);
    }

    private void commit(List<Pending> batch) {
        List<Pending> claimed = batch.stream().filter((p) -> p.state.compareAndSet(WAITING, CLAIMED)).toList();
        if (claimed.isEmpty()) {
            return;
        }
        try {
            this.transactions.executeWithoutResult(
                    (status) -> this.reports.saveAll(claimed.stream().map(Pending::report).toList()));
            claimed.forEach((p) -> p.done.complete(null));
        }
        catch (RuntimeException ex) {
            claimed.forEach((p) -> p.done.completeExceptionally(ex));
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "report-writer");
        thread.setDaemon(true);
        this.writer = thread;
        thread.start();
    }

    /** Runs after the web server has stopped taking requests, and commits what is still waiting. */
    @Override
    public void stop() {
        Thread thread = this.writer;
        this.writer = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(PATIENCE.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return this.writer != null;
    }

    @Override
    public int getPhase() {
        return 0;
    }

    private record Pending(CommunityReport report, CompletableFuture<Void> done, AtomicInteger state) {

        Pending(CommunityReport report) {
            this(report, new CompletableFuture<>(), new AtomicInteger(WAITING));
        }

    }

    /** The report was not stored. */
    static final class NotWritten extends RuntimeException {

        NotWritten(String message, Throwable cause) {
            super(message, cause);
        }

    }

}
