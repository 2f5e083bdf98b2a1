package dev.llmstatus.notify;

import java.util.concurrent.CompletableFuture;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Mail through Spring's {@link JavaMailSender}: plain text and HTML saying the same, with RFC 8058 one-click
 * unsubscribe headers and a link to the manage page. Without {@code spring.mail.host} there is no sender, and the
 * email choice is not offered.
 */
@Component
class EmailNotifier implements Notifier {

    private final ObjectProvider<JavaMailSender> sender;

    private final Messages messages;

    private final NotifyProperties properties;

    private final NotifyExecutors executors;

    EmailNotifier(ObjectProvider<JavaMailSender> sender, Messages messages, NotifyProperties properties,
            NotifyExecutors executors) {
        this.sender = sender;
        this.messages = messages;
        this.properties = properties;
        this.executors = executors;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    /** Whether a mail server is configured. */
    boolean available() {
        return available(this.sender);
    }

    static boolean available(ObjectProvider<JavaMailSender> sender) {
        return sender.getIfAvailable() != null;
    }

    @Override
    public CompletableFuture<Attempt> send(Delivery delivery) {
        JavaMailSender mail = this.sender.getIfAvailable();
        if (mail == null) {
            return CompletableFuture.completedFuture(Attempt.retry("no mail server configured", null));
        }
        return CompletableFuture.supplyAsync(() -> send(mail, delivery), this.executors.mail());
    }

    private Attempt send(JavaMailSender mail, Delivery delivery) {
        Subscription subscription = delivery.subscription();
        Messages.Message message = this.messages.compose(delivery);
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(this.properties.mailFrom());
            helper.setTo(subscription.target());
            helper.setSubject(message.subject());
            helper.setText(text(message, subscription), html(message, subscription));
            mime.setHeader("List-Unsubscribe", "<" + this.messages.unsubscribeUrl(subscription) + ">");
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            mime.setHeader("Auto-Submitted", "auto-generated");
            if (delivery.event() != null) {
                mime.setHeader(WebhookNotifier.EVENT_ID, delivery.event().id());
            }
            mail.send(mime);
            return Attempt.DELIVERED;
        }
        catch (MailAuthenticationException ex) {
            return Attempt.retry("SMTP authentication failed", null);
        }
        catch (MailException | MessagingException ex) {
            // The message may quote the address: the class name is enough to tell failures apart.
            return Attempt.retry("SMTP: " + ex.getClass().getSimpleName(), null);
        }
    }

    private String text(Messages.Message message, Subscription subscription) {
        StringBuilder text = new StringBuilder(message.subject()).append("\n\n");
        message.lines().forEach((line) -> text.append(line).append("\n\n"));
        text.append(message.linkText()).append(": ").append(message.link()).append("\n\n-- \n")
            .append("You get this because this address subscribed to LLM Status alerts for ")
            .append(this.messages.subject(subscription)).append(".\nManage or unsubscribe: ")
            .append(this.messages.manageUrl(subscription)).append('\n');
        return text.toString();
    }

    private String html(Messages.Message message, Subscription subscription) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .append(escape(message.subject()))
            .append("</title></head><body style=\"font-family:system-ui,sans-serif;line-height:1.5;max-width:36em\">")
            .append("<h1 style=\"font-size:1.15em\">").append(escape(message.subject())).append("</h1>");
        message.lines().forEach((line) -> html.append("<p>").append(escape(line)).append("</p>"));
        html.append("<p><a href=\"").append(escape(message.link())).append("\">").append(escape(message.linkText()))
            .append("</a></p><hr><p style=\"font-size:.85em;color:#555\">You get this because this address subscribed "
                    + "to LLM Status alerts for ")
            .append(escape(this.messages.subject(subscription))).append(". <a href=\"")
            .append(escape(this.messages.manageUrl(subscription))).append("\">Manage or unsubscribe</a>.</p>")
            .append("</body></html>");
        return html.toString();
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

}
