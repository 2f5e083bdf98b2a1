package dev.llmstatus.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.llmstatus.status.Status;

import org.springframework.stereotype.Component;

/**
 * What a notification says, in words, whatever the channel: a subject line, a few sentences, and one link. Each
 * notifier lays it out its own way.
 */
@Component
class Messages {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
        .withZone(ZoneOffset.UTC);

    private final Payloads payloads;

    Messages(Payloads payloads) {
        this.payloads = payloads;
    }

    Message compose(Delivery delivery) {
        Subscription subscription = delivery.subscription();
        return switch (delivery.kind()) {
            case CONFIRM -> confirmation(subscription);
            case PAUSED -> paused(subscription);
            case EVENT -> event(delivery);
        };
    }

    String manageUrl(Subscription subscription) {
        return this.payloads.siteUrl("/notify/manage/" + subscription.token());
    }

    String unsubscribeUrl(Subscription subscription) {
        return this.payloads.siteUrl("/notify/unsubscribe/" + subscription.token());
    }

    String confirmUrl(Subscription subscription) {
        return this.payloads.siteUrl("/notify/confirm/" + subscription.token());
    }

    String componentName(String provider, String key) {
        return this.payloads.componentName(provider, key);
    }

    /** "StepFun" or "any provider". */
    String subject(Subscription subscription) {
        return subscription.anyProvider() ? "any provider" : this.payloads.providerName(subscription.provider());
    }

    private Message confirmation(Subscription subscription) {
        String about = subject(subscription);
        return new Message("Confirm your LLM Status alerts for " + about,
                List.of("Someone, we hope you, asked us to send this address a short mail whenever " + about
                        + " breaks, changes or recovers.",
                        "Nothing is sent until you confirm. If it was not you, ignore this mail: the address is "
                                + "deleted within 48 hours."),
                confirmUrl(subscription), "Confirm the alerts");
    }

    private Message paused(Subscription subscription) {
        String about = subject(subscription);
        return new Message("Your LLM Status alerts for " + about + " are paused",
                List.of("We could not deliver your alerts for " + about + " for several days, so we stopped trying.",
                        "Open the manage page to switch them back on, or to remove them."),
                manageUrl(subscription), "Manage the alerts");
    }

    private Message event(Delivery delivery) {
        OutboxEvent event = delivery.event();
        String provider = this.payloads.providerName(event.provider());
        List<String> lines = new ArrayList<>();
        String subject;
        if (!delivery.changes().isEmpty() && delivery.changes().size() > 1) {
            String component = components(event);
            List<Delivery.Change> changes = delivery.changes();
            subject = provider + ": " + component + " is unsteady, now " + word(event.level()) + " ("
                    + changes.size() + " changes since " + TIME.format(changes.get(0).at()) + ")";
            lines.add(component + " changed level " + changes.size() + " times in a few minutes: "
                    + changes.stream()
                        .map((change) -> word(change.level()) + " at " + TIME.format(change.at()))
                        .collect(Collectors.joining(", "))
                    + ".");
            lines.add("We send one summary instead of a mail per change while it keeps changing.");
        }
        else if (event.componentChange()) {
            String component = components(event);
            subject = provider + ": " + component + " is now " + word(event.level()) + " (was "
                    + word(event.oldLevel()) + ", since " + TIME.format(event.occurredAt()) + ")";
            lines.add(since(provider + "'s " + component + " is " + word(event.level()), event.occurredAt()));
        }
        else if (event.official()) {
            return official(event, provider);
        }
        else if (OutboxEvent.RESOLVED.equals(event.type())) {
            subject = provider + ": resolved, " + what(event) + " is over (" + duration(event) + ")";
            lines.add(provider + ": " + what(event) + " ended at " + TIME.format(event.occurredAt()) + " on "
                    + DAY.format(event.occurredAt()) + ", after " + duration(event) + ".");
        }
        else {
            subject = provider + ": " + what(event) + " (since " + TIME.format(started(event)) + ")";
            if (levelChanged(event)) {
                lines.add("Update: the incident went from " + word(event.oldLevel()) + " to " + word(event.level())
                        + ".");
            }
            lines.add(since(provider + ": " + what(event), started(event)));
        }
        if (event.reason() != null && !event.reason().isBlank()) {
            lines.add("What we see: " + event.reason());
        }
        if (event.incidentId() == null) {
            return new Message(subject, lines, this.payloads.providerUrl(event.provider()), "Live status of " + provider);
        }
        return new Message(subject, lines, this.payloads.incidentUrl(event.provider(), event.incidentId()),
                "The incident on LLM Status");
    }

    /**
     * An incident the provider reports on its own status page: said as theirs, with their newest words quoted, and
     * a link to our page of it (their timeline beside what we measured).
     */
    private Message official(OutboxEvent event, String provider) {
        String title = "\"" + event.title() + "\"";
        List<String> lines = new ArrayList<>();
        String subject;
        if (OutboxEvent.RESOLVED.equals(event.type())) {
            subject = provider + "'s status page: resolved " + title + " (after " + duration(event) + ")";
            lines.add(provider + "'s own status page marked its incident " + title + " resolved at "
                    + TIME.format(event.occurredAt()) + " on " + DAY.format(event.occurredAt()) + ", after "
                    + duration(event) + ".");
        }
        else if (OutboxEvent.UPDATED.equals(event.type())) {
            subject = provider + "'s status page updated " + title + " (since " + TIME.format(started(event)) + ")";
            lines.add(provider + "'s own status page posted an update on its incident " + title + ", open since "
                    + TIME.format(started(event)) + " on " + DAY.format(started(event)) + ".");
            if (levelChanged(event)) {
                lines.add("It now rates it " + word(event.level()) + " (was " + word(event.oldLevel()) + ").");
            }
        }
        else {
            subject = provider + "'s status page reports an incident: " + title + " (since "
                    + TIME.format(started(event)) + ")";
            lines.add(since(provider + "'s own status page reports an incident, " + title + ",", started(event)));
        }
        if (event.reason() != null && !event.reason().isBlank()) {
            lines.add("Their latest words: " + event.reason());
        }
        return new Message(subject, lines, this.payloads.incidentUrl(event.provider(), event.incidentId()),
                "The incident on LLM Status");
    }

    private static Instant started(OutboxEvent event) {
        return (event.startedAt() != null) ? event.startedAt() : event.occurredAt();
    }

    private static boolean levelChanged(OutboxEvent event) {
        return OutboxEvent.UPDATED.equals(event.type()) && event.oldLevel() != null
                && event.oldLevel() != event.level();
    }

    /** "major outage of API". */
    private String what(OutboxEvent event) {
        String level = word(event.level());
        return event.components().isEmpty() ? level : level + " of " + components(event);
    }

    private String components(OutboxEvent event) {
        return event.components()
            .stream()
            .map((key) -> this.payloads.componentName(event.provider(), key))
            .collect(Collectors.joining(", "));
    }

    private static String since(String sentence, Instant since) {
        return sentence + " since " + TIME.format(since) + " on " + DAY.format(since) + ".";
    }

    private static String duration(OutboxEvent event) {
        Instant start = started(event);
        long minutes = Math.max(1, Duration.between(start, event.occurredAt()).toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        return (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    static String word(Status level) {
        return level.label().toLowerCase(Locale.ROOT);
    }

    /**
     * One notification in words.
     *
     * @param subject the headline: a mail's subject, a chat message's first line
     * @param lines the sentences that follow
     * @param link where to read more
     * @param linkText the link's words
     */
    record Message(String subject, List<String> lines, String link, String linkText) {

        Message {
            lines = List.copyOf(lines);
        }

    }

}
