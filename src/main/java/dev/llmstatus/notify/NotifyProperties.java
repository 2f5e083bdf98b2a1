package dev.llmstatus.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscriptions and their delivery.
 *
 * @param enabled whether this instance drains the outbox; subscriptions and the outbox itself work either way
 * @param allowPrivateTargets let webhook, Slack and Discord targets be plain http and resolve to loopback, private,
 * link-local or metadata addresses: for tests and closed networks only
 * @param mailFrom the From address of notification mails
 * @param pollInterval how often an idle worker looks for due deliveries
 * @param batchSize most deliveries one worker claims at a time
 * @param maxInFlight most deliveries one instance holds claimed and unfinished
 * @param perHostConcurrency most requests in flight to one host (or SMTP server) at a time
 * @param connectTimeout how long a connection to a target may take
 * @param requestTimeout how long a target may take to answer, after which the attempt counts as failed
 * @param lease how long a claimed delivery stays with its worker; after it, another instance takes it over (a worker
 * that died mid-delivery). Must be longer than the connect and request timeouts together
 * @param firstRetry the wait before the first retry; it doubles with each attempt, with jitter
 * @param maxRetryDelay the longest wait between two attempts
 * @param retryFor how long a delivery is retried before it is marked failed
 * @param pauseAfter a subscription whose target has failed for this long is paused and its owner told
 * @param confirmWithin how long an email subscription may wait for its confirmation before it is deleted
 * @param flapWindow component level changes this close together are sent as one summary
 * @param hourlyBudget how many subscriptions one visitor may create per hour
 * @param maxTrackedClients how many visitors' limit buckets are held in memory at most
 * @param retention delivered, failed and merged deliveries, and events left without deliveries, are deleted once
 * this old
 * @param pruneInterval how often one instance (a ShedLock lock decides which) prunes the outbox
 * @param pruneBatchSize rows deleted per statement when pruning
 * @param confirmationsPerAddress how many confirmation mails one email address gets per {@code confirmationWindow},
 * whoever asks for them
 * @param confirmationWindow the window of {@code confirmationsPerAddress}
 * @param addressSecret the key of the address hash the confirmation limit is counted by; set it (the same on every
 * instance) so that a copy of the database cannot be matched against a list of addresses
 */
@ConfigurationProperties("llmstatus.notify")
public record NotifyProperties(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("LLM Status <notify@llmstatus.invalid>") String mailFrom, @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("500") int batchSize, @DefaultValue("2000") int maxInFlight,
        @DefaultValue("32") int perHostConcurrency, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration requestTimeout, @DefaultValue("2m") Duration lease,
        @DefaultValue("30s") Duration firstRetry, @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("24h") Duration retryFor, @DefaultValue("7d") Duration pauseAfter,
        @DefaultValue("48h") Duration confirmWithin, @DefaultValue("5m") Duration flapWindow,
        @DefaultValue("10") int hourlyBudget, @DefaultValue("100000") int maxTrackedClients,
        @DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue("1000") int pruneBatchSize, @DefaultValue("3") int confirmationsPerAddress,
        @DefaultValue("24h") Duration confirmationWindow, String addressSecret) {

    public NotifyProperties {
        if (batchSize < 1 || maxInFlight < 1 || perHostConcurrency < 1 || hourlyBudget < 1 || pruneBatchSize < 1
                || confirmationsPerAddress < 1) {
            throw new IllegalArgumentException("llmstatus.notify.batch-size, max-in-flight, per-host-concurrency, "
                    + "hourly-budget, prune-batch-size and confirmations-per-address must be at least 1");
        }
        if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
            throw new IllegalArgumentException(
                    "llmstatus.notify.lease must be longer than connect-timeout and request-timeout together");
        }
    }

}
