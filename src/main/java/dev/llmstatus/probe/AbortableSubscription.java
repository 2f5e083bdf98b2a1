package dev.llmstatus.probe;

import java.util.concurrent.Flow;

/**
 * The subscription side that every body reader of ours shares: it asks for one item at a time, and {@link #abort()}
 * stops the body from outside (a deadline) whether the subscription has arrived yet or not, so that a body that
 * trickles in or stalls is given up instead of held open.
 */
public final class AbortableSubscription {

    private volatile Flow.Subscription subscription;

    private volatile boolean aborted;

    /** Call from {@link Flow.Subscriber#onSubscribe}: asks for the first item, or cancels if already aborted. */
    public void start(Flow.Subscription subscription) {
        this.subscription = subscription;
        if (this.aborted) {
            subscription.cancel();
        }
        else {
            subscription.request(1);
        }
    }

    /** Gives the body up: nothing more is read. */
    public void abort() {
        this.aborted = true;
        cancel();
    }

    public boolean aborted() {
        return this.aborted;
    }

    /** Asks for the next item. */
    public void next() {
        this.subscription.request(1);
    }

    /** Stops reading (a cap was reached), without marking the body aborted. */
    public void cancel() {
        Flow.Subscription current = this.subscription;
        if (current != null) {
            current.cancel();
        }
    }

}
