package dev.llmstatus.web;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.llmstatus.status.SnapshotRebuilt;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code /actuator/health/readiness} at REFUSING_TRAFFIC until the first snapshot is built: before it, every
 * page would say "starting", so a load balancer must not send visitors yet. Spring Boot declares the application
 * ready when it has started; this takes that back until the snapshot exists.
 */
@Component
class SnapshotReadiness {

    private final ApplicationEventPublisher events;

    private final AtomicBoolean snapshotBuilt = new AtomicBoolean();

    SnapshotReadiness(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    void onReadiness(AvailabilityChangeEvent<ReadinessState> change) {
        if (change.getState() == ReadinessState.ACCEPTING_TRAFFIC && !this.snapshotBuilt.get()) {
            AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
        }
    }

    @EventListener
    void onSnapshot(SnapshotRebuilt rebuilt) {
        if (this.snapshotBuilt.compareAndSet(false, true)) {
            AvailabilityChangeEvent.publish(this.events, this, ReadinessState.ACCEPTING_TRAFFIC);
        }
    }

}
