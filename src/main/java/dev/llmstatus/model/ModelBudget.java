package dev.llmstatus.model;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each provider's daily request budget, counted per UTC day. The count starts from what the database holds for the
 * day (so a restart, or another instance, does not reset it) and is kept in memory between syncs.
 */
final class ModelBudget {

    private final ModelProperties properties;

    private final Clock clock;

    private final Map<String, AtomicInteger> used = new ConcurrentHashMap<>();

    private volatile LocalDate day;

    ModelBudget(ModelProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.day = today();
    }

    /** Takes one request from the provider's budget, or says no when it is used up. */
    boolean tryAcquire(String provider) {
        rollOver();
        int budget = this.properties.budget(provider);
        AtomicInteger count = this.used.computeIfAbsent(provider, (key) -> new AtomicInteger());
        while (true) {
            int current = count.get();
            if (current >= budget) {
                return false;
            }
            if (count.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    /** Raises the counts to what the database recorded today (other instances' checks included). */
    void sync(Map<String, Long> recordedToday) {
        rollOver();
        recordedToday.forEach((provider, count) -> this.used.computeIfAbsent(provider, (key) -> new AtomicInteger())
            .accumulateAndGet((int) Math.min(Integer.MAX_VALUE, count), Math::max));
    }

    int used(String provider) {
        rollOver();
        AtomicInteger count = this.used.get(provider);
        return (count != null) ? count.get() : 0;
    }

    private void rollOver() {
        LocalDate today = today();
        if (!today.equals(this.day)) {
            this.day = today;
            this.used.clear();
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
    }

}
