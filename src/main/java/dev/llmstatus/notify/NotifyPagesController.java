package dev.llmstatus.notify;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.llmstatus.catalog.Catalog;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The subscription pages for people: the "Get notified" form's target, confirmation, the manage page and one-click
 * unsubscribe. None of them is cached: each answer belongs to one subscriber, and the result page shows a webhook's
 * secret once.
 */
@Controller
class NotifyPagesController {

    private static final Map<Channel, String> CHANNEL_NAMES = Map.of(Channel.EMAIL, "email", Channel.WEBHOOK,
            "webhook", Channel.SLACK, "Slack", Channel.DISCORD, "Discord");

    private final SubscriptionService service;

    private final Messages messages;

    private final Catalog catalog;

    NotifyPagesController(SubscriptionService service, Messages messages, Catalog catalog) {
        this.service = service;
        this.messages = messages;
        this.catalog = catalog;
    }

    @PostMapping("/notify/subscribe")
    String subscribe(@RequestParam Map<String, String> form, @RequestParam(name = "components", required = false)
            List<String> components, HttpServletRequest request, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        SubscriptionRequest asked = new SubscriptionRequest(form.get("provider"), form.get("channel"),
                form.get("target"), components);
        String honeypot = form.get("website");
        if (honeypot != null && !honeypot.isEmpty()) {
            // A bot filled the field people never see: it gets the page a person gets, and nothing is stored.
            model.addAttribute("about", providerName(asked.provider()));
            model.addAttribute("pending", Channel.EMAIL.key().equals(asked.channel()));
            return "notify/subscribed";
        }
        SubscriptionService.Result result = this.service.subscribe(asked, request.getRemoteAddr());
        if (!result.accepted()) {
            response.setStatus((result.retryAfter() != null) ? 429 : 400);
            if (result.retryAfter() != null) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(result.retryAfter().toSeconds()));
            }
            model.addAttribute("errors", result.errors());
            model.addAttribute("provider", this.catalog.find(String.valueOf(asked.provider())).orElse(null));
            model.addAttribute("about", providerName(asked.provider()));
            model.addAttribute("target", asked.target());
            return "notify/subscribe";
        }
        Subscription subscription = result.subscription();
        describe(subscription, model);
        model.addAttribute("secret", subscription.secret());
        if (subscription.secret() != null) {
            // Line-break opportunities, so 64 hex digits fit a phone; the copied text stays whole.
            model.addAttribute("secretParts", List.of(subscription.secret().split("(?<=\\G.{16})")));
        }
        model.addAttribute("manageUrl", this.messages.manageUrl(subscription));
        return "notify/subscribed";
    }

    @GetMapping("/notify/confirm/{token}")
    String confirmPage(@PathVariable String token, HttpServletResponse response, Model model) {
        return withSubscription(token, response, model, "notify/confirm");
    }

    @PostMapping("/notify/confirm/{token}")
    String confirm(@PathVariable String token, HttpServletResponse response, Model model) {
        this.service.confirm(token);
        return withSubscription(token, response, model, "notify/manage");
    }

    @GetMapping("/notify/manage/{token}")
    String manage(@PathVariable String token, HttpServletResponse response, Model model) {
        return withSubscription(token, response, model, "notify/manage");
    }

    @PostMapping("/notify/manage/{token}/resume")
    String resume(@PathVariable String token, HttpServletResponse response, Model model) {
        this.service.resume(token);
        return withSubscription(token, response, model, "notify/manage");
    }

    /** The unsubscribe link for people: a page with one button, since mail scanners follow links on their own. */
    @GetMapping("/notify/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, HttpServletResponse response, Model model) {
        return withSubscription(token, response, model, "notify/unsubscribe");
    }

    /**
     * Unsubscribes: the page's button, the manage page's button, and RFC 8058 one-click unsubscribe, which mail
     * providers POST with {@code List-Unsubscribe=One-Click} from their own servers.
     */
    @PostMapping({ "/notify/unsubscribe/{token}", "/notify/manage/{token}/delete" })
    String unsubscribe(@PathVariable String token, HttpServletResponse response, Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("removed", this.service.unsubscribe(token));
        return "notify/unsubscribed";
    }

    private String withSubscription(String token, HttpServletResponse response, Model model, String view) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        Subscription subscription = this.service.find(token).orElse(null);
        if (subscription == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "notify/gone";
        }
        describe(subscription, model);
        model.addAttribute("token", token);
        return view;
    }

    /** Plain values for the templates: what, where to, and in which state. */
    private void describe(Subscription subscription, Model model) {
        model.addAttribute("about", this.messages.subject(subscription));
        model.addAttribute("channel", CHANNEL_NAMES.get(subscription.channel()));
        model.addAttribute("target", shown(subscription));
        model.addAttribute("subscriptionState", subscription.status().name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("pending", subscription.status() == Subscription.State.PENDING_CONFIRMATION);
        model.addAttribute("paused", subscription.status() == Subscription.State.PAUSED);
        model.addAttribute("components", subscription.components()
            .stream()
            .map((key) -> subscription.anyProvider() ? key : this.messages.componentName(subscription.provider(), key))
            .toList());
    }

    /** The target as the manage page shows it: an address in full (it is the owner's), a URL without its path. */
    private static String shown(Subscription subscription) {
        if (subscription.channel() == Channel.EMAIL) {
            return subscription.target();
        }
        // Slack and Discord URLs carry their secret in the path: show only where it goes.
        return java.net.URI.create(subscription.target()).getScheme() + "://" + subscription.host() + "/…";
    }

    private String providerName(String slug) {
        if (slug == null || Subscription.ANY_PROVIDER.equals(slug)) {
            return "any provider";
        }
        return this.catalog.find(slug).map((provider) -> provider.name()).orElse(slug);
    }

}
