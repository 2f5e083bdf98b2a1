package dev.llmstatus.official;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.catalog.Catalog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;

/**
 * Reads every official page once per interval across all instances (whoever takes the ShedLock lock of the period
 * reads; the others find it taken), saves the readings and prunes old resolved incidents. Rounds start on wall-clock
 * multiples of the interval so that instances try at the same moments.
 */
final class OfficialSchedule implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(OfficialSchedule.class);

    private static final String LOCK = "official-pages";

    private final Catalog catalog;

    private final OfficialPageReader reader;

    private final OfficialPages pages;

    private final LockProvider locks;

    private final ApplicationEventPublisher events;

    private final Duration interval;

    private final Duration retention;

    private final Clock clock;

    private ScheduledExecutorService timer;

    OfficialSchedule(Catalog catalog, OfficialPageReader reader, OfficialPages pages, LockProvider locks,
            ApplicationEventPublisher events, Duration interval, Duration retention, Clock clock) {
        this.catalog = catalog;
        this.reader = reader;
        this.pages = pages;
        this.locks = locks;
        this.events = events;
        this.interval = interval;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "official-pages");
            thread.setDaemon(true);
            return thread;
        });
        long period = this.interval.toMillis();
        long delay = period - Math.floorMod(this.clock.millis(), period);
        this.timer.scheduleAtFixedRate(this::round, delay, period, TimeUnit.MILLISECONDS);
    }

    /** One round, if this instance takes the period's lock. */
    void round() {
        try {
            Duration hold = Duration.ofMillis(this.interval.toMillis() * 9 / 10);
            if (this.locks.lock(new LockConfiguration(Instant.now(), LOCK, hold, Duration.ZERO)).isEmpty()) {
                return;
            }
            this.pages.save(this.reader.readAll(this.catalog));
            Instant now = this.clock.instant();
            this.pages.prune(now.minus(this.retention));
            this.events.publishEvent(new OfficialPagesRead(now));
        }
        catch (RuntimeException ex) {
            logger.warn("Official pages: round failed: {}", ex.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (this.timer != null) {
            this.timer.shutdownNow();
            try {
                this.timer.awaitTermination(5, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return this.timer != null;
    }

}
