package dev.llmstatus.notify;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.llmstatus.system.DaemonThreads;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The few threads notifications use: {@code io} for the HTTP client, DNS checks and starting waiting sends;
 * {@code mail} for SMTP, which blocks, kept apart so a slow mail server cannot starve webhooks.
 */
@Component
class NotifyExecutors implements DisposableBean {

    private final ExecutorService io = Executors.newFixedThreadPool(8, DaemonThreads.named("notify-io"));

    private final ExecutorService mail = Executors.newFixedThreadPool(4, DaemonThreads.named("notify-mail"));

    ExecutorService io() {
        return this.io;
    }

    ExecutorService mail() {
        return this.mail;
    }

    @Override
    public void destroy() throws InterruptedException {
        this.io.shutdown();
        this.mail.shutdown();
        this.io.awaitTermination(5, TimeUnit.SECONDS);
        this.mail.awaitTermination(5, TimeUnit.SECONDS);
    }

}
