package dev.llmstatus;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LlmStatusApplication {

    /** The JDK property that sizes the common pool. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        useCommonPoolForAsyncCompletions();
        SpringApplication.run(LlmStatusApplication.class, args);
    }

    /**
     * On one or two cores the common pool gets a parallelism of 1, and {@code CompletableFuture} then runs every
     * asynchronous completion without an executor on a new thread of its own. The JDK's HttpClient hands the
     * completion of each {@code sendAsync} to that default executor, so every probe, model check and webhook would
     * start a thread (measured: 65,000 threads in 2.5 minutes of the prober benchmark). Two is the least parallelism
     * with which {@code CompletableFuture} uses the common pool. This must run before {@code CompletableFuture} is
     * first loaded, hence here; an operator's own {@code -D} setting wins.
     */
    static void useCommonPoolForAsyncCompletions() {
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_POOL_PARALLELISM, "2");
        }
    }

}
