package dev.llmstatus.notify;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the channels the "Get notified" form offers ({@code fragments/notify.html}), so the pages that
 * include it need no code of ours: email appears only when a mail server is set up.
 */
@ControllerAdvice
class NotifyFormAdvice {

    private final SubscriptionService service;

    NotifyFormAdvice(SubscriptionService service) {
        this.service = service;
    }

    @ModelAttribute("notifyChannels")
    List<String> notifyChannels() {
        return this.service.channels().stream().map(Channel::key).toList();
    }

}
