package dev.llmstatus.notify;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes email subscriptions nobody confirmed within {@code confirm-within}, address and all. Any instance may run
 * it: the delete is the same whoever does it.
 */
@Component
class NotifyMaintenance {

    private static final Logger logger = LoggerFactory.getLogger(NotifyMaintenance.class);

    private final Subscriptions subscriptions;

    private final NotifyProperties properties;

    private final Clock clock;

    NotifyMaintenance(Subscriptions subscriptions, NotifyProperties properties, Clock clock) {
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${llmstatus.notify.maintenance-interval:15m}", initialDelayString = "1m")
    void deleteUnconfirmed() {
        int deleted = this.subscriptions.deleteUnconfirmed(this.clock.instant().minus(this.properties.confirmWithin()));
        if (deleted > 0) {
            logger.info("Deleted {} email subscriptions not confirmed within {}", deleted,
                    this.properties.confirmWithin());
        }
    }

}
