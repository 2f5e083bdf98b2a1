package dev.llmstatus.report;

import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores reports in groups: one writer thread takes whatever reports are waiting and commits them in one
 * transaction, and each request returns only once the transaction holding its report has committed. Under a
 * surge this turns hundreds of commits (and connection hand-overs) a second into a few, without giving up the
 * promise that a thanked report is stored.
 * <p>
 * When the database is down it fails fast, so that reports never tie up the threads that serve pages: at most
 * {@value #MAX_WAITERS} requests wait for a commit at once, none waits longer than {@link #PATIENCE} unless its
 * report is already being written, while a commit has been stuck for longer than {@link #STUCK} new reports are
 * refused at once, and for {@link #COOL_DOWN} after a failed commit only one report at a time tries the database
 * (the others are refused at once) until one goes through.
 */
@Component
class ReportWriter implements SmartLifecycle {

    private static final int MAX_BATCH = 256;

    private static final int MAX_WAITING = 10_000;

    /** How long a request waits for its report's commit before telling the visitor it was not recorded. */
    private static final Duration PATIENCE = Duration.ofMillis(2500);

    /** Requests waiting for a commit at most: the rest of the request threads keep serving pages. */
    private static final int MAX_WAITERS = 64;

    /** How long a request waits for a place among the waiters; under a healthy surge places free up in moments. */
    private static final Duration QUEUE_PATIENCE = Duration.ofMillis(100);

    /** After a failed commit, only one report at a time tries the database for this long. */
    private static final Duration COOL_DOWN = Duration.ofSeconds(5);

    /** A commit running longer than this means the database is not answering. */
    private static final Duration STUCK = Duration.ofSeconds(2);

    /**
     * Longest wait for one answer from the database while writing reports: a network that went silent fails the
     * batch instead of holding its requests (and their threads) until TCP gives up.
     */
    private static final Duration NETWORK_PATIENCE = Duration.ofSeconds(2);

    private static final int WAITING = 0;

    private static final int CLAIMED = 1;

    private static final int ABANDONED = 2;

    private final CommunityReportRepository reports;

    private final TransactionTemplate transactions;

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(MAX_WAITING);

    private final Semaphore waiters = new Semaphore(MAX_WAITERS);

    /** Held by the one report that tries the database while cooling down. */
    private final AtomicBoolean trial = new AtomicBoolean();

    private volatile Thread writer;

    /** {@link System#nanoTime()} until which one report at a time tries the database; 0 after a commit went through. */
    private volatile long coolingUntil;

    /** When the commit in progress started ({@link System#nanoTime()}), 0 while idle. */
    private volatile long commitStarted;

    private final EntityManager entityManager;

    ReportWriter(CommunityReportRepository reports, TransactionTemplate transactions, EntityManager entityManager) {
        this.reports = reports;
        this.transactions = transactions;
        this.entityManager = entityManager;
    }

    /**
     * Stores one report and returns once it is committed.
     *
     * @throws NotWritten when it was not stored: the database failed, or too many reports are waiting
     */
    void write(CommunityReport report) {
        if (stuck()) {
            throw new NotWritten("the database has not answered for " + STUCK, null);
        }
        if (!cooling()) {
            queued(report);
            return;
        }
        if (!this.trial.compareAndSet(false, true)) {
            throw new NotWritten("the database failed moments ago", null);
        }
        try {
            queued(report);
        }
        finally {
            this.trial.set(false);
        }
    }

    private void queued(CommunityReport report) {
        try {
            if (!this.waiters.tryAcquire(QUEUE_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new NotWritten("too many reports waiting for the database", null);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new NotWritten("interrupted", ex);
        }
        try {
            await(new Pending(report));
        }
        finally {
            this.waiters.release();
        }
    }

    private boolean stuck() {
        long started = this.commitStarted;
        return started != 0 && System.nanoTime() - started > STUCK.toNanos();
    }

    private boolean cooling() {
        long until = this.coolingUntil;
        return until != 0 && System.nanoTime() - until < 0;
    }

    private void await(Pending pending) {
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
        this.commitStarted = System.nanoTime();
        try {
            this.transactions.executeWithoutResult((status) -> {
                boundNetworkWaits();
                this.reports.saveAll(claimed.stream().map(Pending::report).toList());
            });
            this.coolingUntil = 0;
            claimed.forEach((p) -> p.done.complete(null));
        }
        catch (RuntimeException ex) {
            this.coolingUntil = System.nanoTime() + COOL_DOWN.toNanos();
            claimed.forEach((p) -> p.done.completeExceptionally(ex));
        }
        finally {
            this.commitStarted = 0;
        }
    }

    /** The pool restores the connection's own timeout when it gets the connection back. */
    private void boundNetworkWaits() {
        this.entityManager.unwrap(Session.class).doWork((connection) -> {
            try {
                connection.setNetworkTimeout(Runnable::run, (int) NETWORK_PATIENCE.toMillis());
            }
            catch (SQLFeatureNotSupportedException ex) {
                // An embedded database has no network to wait for.
            }
        });
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
