package dev.llmstatus.notify;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Provider;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates, confirms and removes subscriptions. Input is checked field by field with messages fit to show; webhook
 * targets pass {@link TargetGuard}; email subscriptions start pending and get their confirmation mail through the
 * outbox, in the same transaction, so an accepted subscription is never left without its mail.
 */
@Service
class SubscriptionService {

    /** A plain, single address: what people type, without display names, comments or quoting. */
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,99}");

    private static final int MAX_COMPONENTS = 50;

    private final Catalog catalog;

    private final Subscriptions subscriptions;

    private final Deliveries deliveries;

    private final TargetGuard guard;

    private final EmailNotifier email;

    private final SubscribeLimits limits;

    private final ConfirmationLimit confirmations;

    private final NotifyProperties properties;

    private final TransactionTemplate transactions;

    private final MeterRegistry meters;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    SubscriptionService(Catalog catalog, Subscriptions subscriptions, Deliveries deliveries, TargetGuard guard,
            EmailNotifier email, SubscribeLimits limits, ConfirmationLimit confirmations, NotifyProperties properties,
            TransactionTemplate transactions, MeterRegistry meters, Clock clock) {
        this.confirmations = confirmations;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.email = email;
        this.limits = limits;
        this.properties = properties;
        this.transactions = transactions;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Checks and stores a subscription.
     *
     * @param clientAddress the visitor's address, for the abuse limit only
     */
    Result subscribe(SubscriptionRequest request, String clientAddress) {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<Provider> provider = provider(request.provider(), errors);
        Channel channel = channel(request.channel(), errors);
        String target = (channel != null) ? target(channel, request.target(), errors) : null;
        List<String> components = components(request, provider.orElse(null), errors);
        if (!errors.isEmpty()) {
            rejected("invalid");
            return Result.invalid(errors);
        }
        Duration wait = this.limits.acquire(clientAddress);
        if (wait != null) {
            rejected("limited");
            return new Result(null, Map.of("limit", "You have created the most subscriptions we take from one visitor "
                    + "in an hour. Please try again in " + words(wait) + "."), wait);
        }
        String slug = provider.map(Provider::slug).orElse(Subscription.ANY_PROVIDER);
        Instant now = this.clock.instant();
        String token = token();
        String secret = (channel == Channel.WEBHOOK) ? HexFormat.of().formatHex(bytes(32)) : null;
        Subscription.State state = (channel == Channel.EMAIL) ? Subscription.State.PENDING_CONFIRMATION
                : Subscription.State.ACTIVE;
        String host = Subscription.host(channel, target);
        Duration[] addressWait = new Duration[1];
        Long id = this.transactions.execute((status) -> {
            if (channel == Channel.EMAIL) {
                addressWait[0] = this.confirmations.acquire(target, now);
                if (addressWait[0] != null) {
                    return null;
                }
            }
            long created = this.subscriptions.create(slug, components, channel, target, host, secret, token, state,
                    now);
            if (channel == Channel.EMAIL) {
                this.deliveries.enqueue(created, Delivery.Kind.CONFIRM, channel, host, now);
            }
            return created;
        });
        if (id == null) {
            rejected("address_limited");
            return new Result(null, Map.of("limit", "We have sent this address "
                    + this.properties.confirmationsPerAddress() + " confirmation mails in the last "
                    + words(this.properties.confirmationWindow()) + ", the most we send to one address. "
                    + "Look for them in the inbox and the spam folder: the link in any of them works. "
                    + "Or ask again in " + words(addressWait[0]) + "."), addressWait[0]);
        }
        this.meters.counter("llmstatus.notify.subscriptions", "channel", channel.key()).increment();
        return new Result(new Subscription(id, slug, components, channel, target, secret, token, state, now, null),
                Map.of(), null);
    }

    Optional<Subscription> find(String token) {
        return validToken(token) ? this.subscriptions.findByToken(token) : Optional.empty();
    }

    boolean confirm(String token) {
        return validToken(token) && this.subscriptions.confirm(token, this.clock.instant());
    }

    boolean resume(String token) {
        return validToken(token) && this.subscriptions.resume(token);
    }

    boolean unsubscribe(String token) {
        return validToken(token) && this.subscriptions.delete(token);
    }

    private Optional<Provider> provider(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.put("provider", "Choose a provider, or \"*\" for every provider.");
            return Optional.empty();
        }
        if (Subscription.ANY_PROVIDER.equals(value.strip())) {
            return Optional.empty();
        }
        Optional<Provider> found = this.catalog.find(value.strip());
        if (found.isEmpty()) {
            errors.put("provider", "We do not monitor a provider called \"" + shorten(value)
                    + "\"; use a slug from /api/v1/summary.json, or \"*\" for every provider.");
        }
        return found;
    }

    private Channel channel(String value, Map<String, String> errors) {
        Optional<Channel> channel = Channel.of((value != null) ? value.strip().toLowerCase(Locale.ROOT) : "");
        if (channel.isEmpty()) {
            errors.put("channel", "Choose email, webhook, slack or discord.");
            return null;
        }
        if (channel.get() == Channel.EMAIL && !this.email.available()) {
            errors.put("channel", "This site has no mail server set up, so it cannot send email; choose a webhook, "
                    + "Slack or Discord.");
            return null;
        }
        return channel.get();
    }

    private String target(Channel channel, String value, Map<String, String> errors) {
        String target = (value != null) ? value.strip() : "";
        if (target.isEmpty()) {
            errors.put("target", (channel == Channel.EMAIL) ? "Enter your email address." : "Enter the URL to send to.");
            return null;
        }
        if (target.length() > 2000) {
            errors.put("target", "Keep it under 2,000 characters.");
            return null;
        }
        if (channel == Channel.EMAIL) {
            if (target.length() > 254 || !EMAIL.matcher(target).matches()) {
                errors.put("target", "Enter one email address, like you@example.com.");
                return null;
            }
            return target;
        }
        try {
            var uri = this.guard.parse(target);
            if (!this.properties.allowPrivateTargets()) {
                String host = uri.getHost().toLowerCase(Locale.ROOT);
                if (channel == Channel.SLACK && !(host.equals("hooks.slack.com") && uri.getPath().startsWith("/"))) {
                    throw new TargetGuard.Refused("Use the incoming-webhook URL Slack gave you "
                            + "(https://hooks.slack.com/services/...).");
                }
                if (channel == Channel.DISCORD && !((host.equals("discord.com") || host.equals("discordapp.com"))
                        && uri.getPath().startsWith("/api/webhooks/"))) {
                    throw new TargetGuard.Refused("Use the webhook URL Discord gave you "
                            + "(https://discord.com/api/webhooks/...).");
                }
            }
            this.guard.checkAddresses(uri);
            return uri.toString();
        }
        catch (TargetGuard.Refused ex) {
            errors.put("target", ex.getMessage());
            return null;
        }
    }

    private List<String> components(SubscriptionRequest request, Provider provider, Map<String, String> errors) {
        List<String> keys = new ArrayList<>();
        for (String key : request.components()) {
            if (key != null && !key.isBlank() && !keys.contains(key.strip())) {
                keys.add(key.strip());
            }
        }
        if (keys.isEmpty()) {
            return keys;
        }
        if (provider == null) {
            errors.putIfAbsent("components", "Components can only be chosen for one provider; leave them out for \"*\".");
        }
        else if (keys.size() > MAX_COMPONENTS) {
            errors.put("components", "Choose at most " + MAX_COMPONENTS + " components.");
        }
        else {
            for (String key : keys) {
                boolean model = key.startsWith("model:") && KEY.matcher(key).matches();
                if (!model && provider.component(key).isEmpty()) {
                    errors.put("components", "\"" + shorten(key) + "\" is not one of " + provider.name()
                            + "'s components; use the keys from /api/v1/summary.json.");
                    break;
                }
            }
        }
        return keys;
    }

    private String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        this.random.nextBytes(bytes);
        return bytes;
    }

    /** Tokens are 43 URL-safe characters; anything else cannot be one and never reaches the database. */
    private static boolean validToken(String token) {
        return token != null && token.length() == 43 && token.chars()
            .allMatch((c) -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_');
    }

    /** "40 min", "5 h 10 min", "24 h": a wait as people read it, rounded up to the minute. */
    static String words(Duration wait) {
        long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        return (minutes / 60) + " h" + ((minutes % 60 == 0) ? "" : " " + (minutes % 60) + " min");
    }

    private static String shorten(String value) {
        String stripped = value.strip();
        return (stripped.length() > 60) ? stripped.substring(0, 60) + "…" : stripped;
    }

    private void rejected(String reason) {
        this.meters.counter("llmstatus.notify.subscriptions.rejected", "reason", reason).increment();
    }

    /**
     * What became of a request.
     *
     * @param subscription the stored subscription, {@code null} when refused
     * @param errors messages by field name ({@code limit} for the abuse limit)
     * @param retryAfter for the abuse limit, how long to wait
     */
    record Result(Subscription subscription, Map<String, String> errors, Duration retryAfter) {

        static Result invalid(Map<String, String> errors) {
            return new Result(null, errors, null);
        }

        boolean accepted() {
            return this.subscription != null;
        }

    }

}
