package dev.llmstatus.notify;

import java.util.concurrent.CompletableFuture;

/**
 * Sends deliveries over one channel. Implementations never block the caller: the answer comes in the future, and a
 * slow target holds up nothing but its own deliveries.
 */
interface Notifier {

    Channel channel();

    /** Sends one delivery; the future never completes exceptionally, failures are an {@link Attempt} too. */
    CompletableFuture<Attempt> send(Delivery delivery);

}
