package dev.llmstatus.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drains the outbox on this instance: claims due deliveries, sends each through its channel's notifier within its
 * host's line ({@link HostLanes}), and records the outcome: delivered; retried later with exponential backoff and
 * jitter (or after the target's {@code Retry-After}); failed once {@code retry-for} has passed. A send starts only
 * while its claim has time to finish, so a delivery whose lease ran out (and which another instance may have taken
 * over) is never sent twice from here.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

    private static final Duration GAUGE_REFRESH = Duration.ofSeconds(5);

    private final NotifyProperties properties;

    private final Deliveries deliveries;

    private final Subscriptions subscriptions;

    private final Map<Channel, Notifier> notifiers = new EnumMap<>(Channel.class);

    private final HostLanes lanes;

    private final MeterRegistry meters;

    private final Clock clock;

    private final AtomicInteger inFlight = new AtomicInteger();

    private final Set<Delivery> waiting = ConcurrentHashMap.newKeySet();

    private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();

    private final Semaphore signal = new Semaphore(0);

    private final AtomicLong pending = new AtomicLong();

    private volatile Instant pendingCountedAt = Instant.EPOCH;

    private volatile boolean running;

    private volatile Thread thread;

    DeliveryWorker(NotifyProperties properties, Deliveries deliveries, Subscriptions subscriptions,
            List<Notifier> notifiers, NotifyExecutors executors, MeterRegistry meters, Clock clock) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        notifiers.forEach((notifier) -> this.notifiers.put(notifier.channel(), notifier));
        this.lanes = new HostLanes(properties.perHostConcurrency(), executors.io());
        this.meters = meters;
        this.clock = clock;
        Gauge.builder("llmstatus.notify.outbox.pending", this.pending, AtomicLong::get)
            .description("Deliveries waiting to be sent or being sent")
            .register(meters);
    }

    /** Wakes the worker once the current transaction commits, so a new event goes out without waiting a poll. */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCommit() {
                    DeliveryWorker.this.signal.release();
                }

            });
        }
        else {
            this.signal.release();
        }
    }

    private void run() {
        while (this.running) {
            int claimed = 0;
            try {
                record();
                claimed = claim();
                countPending();
            }
            catch (RuntimeException ex) {
                logger.warn("Notification worker cycle failed, trying again in {}: {}", this.properties.pollInterval(),
                        ex.toString());
            }
            try {
                // A full batch means more is due: claim again at once. Otherwise wait for the next poll, or for a
                // commit that enqueued something; finished sends gather meanwhile and are recorded in one go.
                if (claimed < this.properties.batchSize()) {
                    this.signal.tryAcquire(this.properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    this.signal.drainPermits();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private int claim() {
        int room = this.properties.maxInFlight() - this.inFlight.get();
        if (room <= 0) {
            return 0;
        }
        Instant now = this.clock.instant();
        // A host with a long line gets no more claims until it moves: its deliveries stay free for other instances.
        List<Delivery> batch = this.deliveries.claim(Math.min(this.properties.batchSize(), room),
                this.lanes.congested(this.properties.perHostConcurrency() * 4), now, now.plus(this.properties.lease()));
        batch.forEach(this::dispatch);
        return batch.size();
    }

    private void dispatch(Delivery delivery) {
        this.inFlight.incrementAndGet();
        this.waiting.add(delivery);
        Notifier notifier = this.notifiers.get(delivery.subscription().channel());
        this.lanes.submit(delivery.subscription().host(), () -> start(notifier, delivery))
            .whenComplete((attempt, failure) -> {
                Attempt outcome = attempt;
                if (failure != null) {
                    logger.warn("Notifier for {} failed unexpectedly: {}", delivery.subscription().channel().key(),
                            failure.toString());
                    outcome = Attempt.retry("internal error", null);
                }
                if (outcome != null) {
                    this.finished.add(new Finished(delivery, outcome, this.clock.instant()));
                }
                this.inFlight.decrementAndGet();
            });
    }

    /** Starts the send, unless the worker is stopping or the claim could run out before the answer comes. */
    private CompletableFuture<Attempt> start(Notifier notifier, Delivery delivery) {
        if (!this.waiting.remove(delivery)) {
            return CompletableFuture.completedFuture(null);
        }
        Instant latestAnswer = this.clock.instant()
            .plus(this.properties.connectTimeout())
            .plus(this.properties.requestTimeout());
        if (!this.running || latestAnswer.isAfter(delivery.leaseUntil())) {
            return CompletableFuture.completedFuture(null);
        }
        return notifier.send(delivery);
    }

    /** Writes the outcomes of finished sends. */
    private void record() {
        List<Finished> done = new ArrayList<>();
        for (Finished next = this.finished.poll(); next != null; next = this.finished.poll()) {
            done.add(next);
        }
        if (done.isEmpty()) {
            return;
        }
        Instant now = this.clock.instant();
        List<Delivery> delivered = new ArrayList<>();
        for (Finished item : done) {
            Delivery delivery = item.delivery();
            String channel = delivery.subscription().channel().key();
            switch (item.attempt().outcome()) {
                case DELIVERED -> {
                    delivered.add(delivery);
                    count(channel, "delivered");
                    Timer.builder("llmstatus.notify.delivery.lag")
                        .description("From enqueueing a notification to its delivery")
                        .tag("channel", channel)
                        .register(this.meters)
                        .record(Duration.between(delivery.createdAt(), item.at()));
                }
                case RETRY -> {
                    Instant next = item.at().plus(backoff(delivery.attempts(), item.attempt().retryAfter()));
                    if (next.isAfter(delivery.createdAt().plus(this.properties.retryFor()))) {
                        this.deliveries.failed(delivery, item.attempt().error());
                        count(channel, "failed");
                    }
                    else {
                        this.deliveries.retry(delivery, next, item.attempt().error());
                        count(channel, "retried");
                    }
                    failing(delivery, now);
                }
                case REFUSED -> {
                    this.deliveries.failed(delivery, item.attempt().error());
                    count(channel, "failed");
                    failing(delivery, now);
                }
            }
        }
        this.deliveries.delivered(delivered, now);
        delivered.stream()
            .filter((delivery) -> delivery.subscription().failingSince() != null)
            .map((delivery) -> delivery.subscription().id())
            .distinct()
            .forEach(this.subscriptions::markHealthy);
    }

    private void failing(Delivery delivery, Instant now) {
        if (delivery.kind() != Delivery.Kind.EVENT) {
            return;
        }
        Subscription subscription = delivery.subscription();
        if (this.subscriptions.markFailing(subscription.id(), now, now.minus(this.properties.pauseAfter()))) {
            logger.info("Paused subscription {} ({}): its target has failed for over {}", subscription.id(),
                    subscription.channel().key(), this.properties.pauseAfter());
            if (subscription.channel() == Channel.EMAIL) {
                this.deliveries.enqueue(subscription.id(), Delivery.Kind.PAUSED, Channel.EMAIL, subscription.host(),
                        now);
            }
        }
    }

    /** Exponential from {@code first-retry}, capped, with jitter; never sooner than the target asked. */
    Duration backoff(int attempts, Duration retryAfter) {
        long first = this.properties.firstRetry().toMillis();
        long cap = this.properties.maxRetryDelay().toMillis();
        long exponential = (attempts >= 40) ? cap : Math.min(cap, first << Math.max(0, attempts - 1));
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        Duration wait = Duration.ofMillis(jittered);
        return (retryAfter != null && retryAfter.compareTo(wait) > 0) ? retryAfter : wait;
    }

    private void count(String channel, String outcome) {
        this.meters.counter("llmstatus.notify.deliveries", "channel", channel, "outcome", outcome).increment();
    }

    private void countPending() {
        Instant now = this.clock.instant();
        if (Duration.between(this.pendingCountedAt, now).compareTo(GAUGE_REFRESH) >= 0) {
            this.pending.set(this.deliveries.pending());
            this.pendingCountedAt = now;
        }
    }

    @Override
    public void start() {
        if (!this.properties.enabled()) {
            return;
        }
        this.running = true;
        Thread worker = new Thread(this::run, "notify-worker");
        worker.setDaemon(true);
        this.thread = worker;
        worker.start();
    }

    /**
     * Stops claiming, lets sends under way finish (up to one request's deadline), records them, and hands back what
     * was claimed but never started.
     */
    @Override
    public void stop() {
        Thread worker = this.thread;
        if (worker == null) {
            return;
        }
        this.running = false;
        this.signal.release();
        try {
            worker.join(this.properties.lease().toMillis());
            long deadline = System.nanoTime()
                    + this.properties.connectTimeout().plus(this.properties.requestTimeout()).toNanos();
            List<Delivery> unstarted = new ArrayList<>(this.waiting);
            this.waiting.removeAll(unstarted);
            while (this.inFlight.get() > unstarted.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            record();
            this.deliveries.release(unstarted);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException ex) {
            logger.warn("Could not record the last notification outcomes at shutdown: {}", ex.toString());
        }
        this.thread = null;
    }

    @Override
    public boolean isRunning() {
        return this.thread != null;
    }

    private record Finished(Delivery delivery, Attempt attempt, Instant at) {
    }

}
