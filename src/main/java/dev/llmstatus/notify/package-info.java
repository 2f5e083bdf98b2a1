/**
 * Subscriptions and notifications: the subscription API and forms, the transactional outbox fed by status events,
 * the delivery workers, and one notifier per channel (email, webhook, Slack, Discord).
 */
package dev.llmstatus.notify;
