package dev.llmstatus.system;

import java.util.concurrent.ThreadFactory;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Threads for the site's own pools: daemon threads, so that none of them keeps the JVM from stopping, named
 * {@code <prefix>-1}, {@code <prefix>-2}, ... so that thread dumps say whose they are.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    public static ThreadFactory named(String prefix) {
        CustomizableThreadFactory threads = new CustomizableThreadFactory(prefix + "-");
        threads.setDaemon(true);
        return threads;
    }

}
