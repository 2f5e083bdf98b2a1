package dev.llmstatus.notify;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the channels the "Get notified" form offers ({@code fragments/notify.html}), so the pages that
 * include it need no code of ours: email appears only when a mail server is set up. It asks for the mail sender
 * only, not the subscription service, so that every page can be tested in the MVC slice without the notify feature.
 */
@ControllerAdvice
class NotifyFormAdvice {

    private final ObjectProvider<JavaMailSender> mail;

    NotifyFormAdvice(ObjectProvider<JavaMailSender> mail) {
        this.mail = mail;
    }

    @ModelAttribute("notifyChannels")
    List<String> notifyChannels() {
        boolean email = EmailNotifier.available(this.mail);
        return Arrays.stream(Channel.values())
            .filter((channel) -> email || channel != Channel.EMAIL)
            .map(Channel::key)
            .toList();
    }

}
