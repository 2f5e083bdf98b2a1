package dev.llmstatus.model;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.ModelProtocol;
import dev.llmstatus.TestLlmStatusApplication;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the model checks' figures: {@code ./mvnw -Pbenchmark verify -Dit.test=ModelCheckBenchmark} (this JVM runs
 * with {@code -Xmx512m}; the simulator runs in a child JVM so that its work is not counted). Figures, not assertions:
 * see docs/benchmarks.md.
 * <ol>
 * <li>Accuracy: 500 streams in flight at once, the simulator scripting a first token after 500 ms and 50 tokens a
 * second; measured minus scripted TTFT (p50, p99) and tokens per second (worst relative error).</li>
 * <li>Cost: CPU milliseconds and allocated heap per check, over 2,000 checks spread over one minute (the target rate
 * for one instance), results written to an H2 database as in production.</li>
 * </ol>
 */
class ModelCheckBenchmark {

    private static final Duration TTFT = Duration.ofMillis(500);

    private static final double RATE = 50;

    private static final int TOKENS = 20;

    @Test
    void accuracyAndCost() throws Exception {
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), TestLlmStatusApplication.class.getName(),
                "--simulator-only", "--model-ttft=" + TTFT.toMillis() + "ms", "--model-rate=" + (int) RATE,
                "--model-tokens=" + TOKENS)
            .redirectError(Path.of("target", "model-benchmark-simulator.log").toFile())
            .start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("simulator output (see target/model-benchmark-simulator.log)").startsWith("port=");
            URI url = URI.create("http://127.0.0.1:" + line.substring(5) + "/v1/chat/completions");
            ExecutorService threads = Executors.newFixedThreadPool(2);
            InferenceClient client = new InferenceClient(HttpClient.newBuilder().executor(threads).build(),
                    "benchmark", Clock.systemUTC());
            ModelTarget target = new ModelTarget("bench", "bench-model", ModelProtocol.OPENAI_CHAT, url,
                    Duration.ofSeconds(30), Duration.ofSeconds(5), 5);
            accuracy(client, target, 100, "warm-up");
            for (int round = 1; round <= 3; round++) {
                accuracy(client, target, 500, "round " + round);
            }
            cost(client, target);
            threads.shutdownNow();
        }
        finally {
            simulator.getOutputStream().close();
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void accuracy(InferenceClient client, ModelTarget target, int streams, String label) {
        List<CompletableFuture<ModelResult>> checks = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            checks.add(client.check(target, "sk-bench-0000000000000000"));
        }
        List<ModelResult> results = checks.stream().map(CompletableFuture::join).toList();
        long ok = results.stream().filter((r) -> r.outcome() == ModelOutcome.OK).count();
        long[] ttftError = results.stream()
            .filter((r) -> r.ttftMillis() != null)
            .mapToLong((r) -> r.ttftMillis() - TTFT.toMillis())
            .sorted()
            .toArray();
        double[] rateError = results.stream()
            .filter((r) -> r.tokensPerSecond() != null)
            .mapToDouble((r) -> Math.abs(r.tokensPerSecond() - RATE) / RATE * 100)
            .sorted()
            .toArray();
        System.out.printf(Locale.ROOT,
                "model accuracy %s: %d streams at once, %d ok; TTFT measured-scripted p50 %d ms, p99 %d ms, max %d ms;"
                        + " tokens/s error p50 %.2f%%, p99 %.2f%%, max %.2f%%%n",
                label, streams, ok, ttftError[Percentiles.rank(ttftError.length, 0.5)],
                ttftError[Percentiles.rank(ttftError.length, 0.99)], ttftError[ttftError.length - 1],
                rateError[Percentiles.rank(rateError.length, 0.5)], rateError[Percentiles.rank(rateError.length, 0.99)],
                rateError[rateError.length - 1]);
    }

    /** 2,000 checks spread evenly over a minute, with their results written to a database in batches. */
    private void cost(InferenceClient client, ModelTarget target) throws Exception {
        int checks = 2000;
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        ModelHistoryWriter writer = new ModelHistoryWriter(new JdbcTemplate(dataSource), (event) -> {
        }, Clock.systemUTC());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.gc();
        long cpuBefore = os.getProcessCpuTime();
        long allocatedBefore = allocated(threads);
        long start = System.nanoTime();
        long spacing = Duration.ofMinutes(1).toNanos() / checks;
        List<CompletableFuture<ModelResult>> running = new ArrayList<>();
        var timer = Executors.newSingleThreadScheduledExecutor();
        var flusher = Executors.newSingleThreadScheduledExecutor();
        flusher.scheduleWithFixedDelay(writer::flush, 1, 1, TimeUnit.SECONDS);
        List<CompletableFuture<ModelResult>> all = java.util.Collections.synchronizedList(running);
        for (int i = 0; i < checks; i++) {
            timer.schedule(() -> all.add(client.check(target, "sk-bench-0000000000000000")
                .whenComplete((result, failure) -> writer.add(result))), i * spacing, TimeUnit.NANOSECONDS);
        }
        timer.shutdown();
        timer.awaitTermination(2, TimeUnit.MINUTES);
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        flusher.shutdown();
        flusher.awaitTermination(10, TimeUnit.SECONDS);
        writer.flush();
        long elapsed = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long allocated = allocated(threads) - allocatedBefore;
        List<ModelResult> results = all.stream().map(CompletableFuture::join).toList();
        long ok = results.stream().filter((r) -> r.outcome() == ModelOutcome.OK).count();
        long[] ttftError = results.stream().filter((r) -> r.ttftMillis() != null)
            .mapToLong((r) -> r.ttftMillis() - TTFT.toMillis()).sorted().toArray();
        Integer stored = new JdbcTemplate(dataSource).queryForObject("select count(*) from model_result", Integer.class);
        double cpuShare = cpu / (double) elapsed / Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT,
                "model cost: %d checks in %.1f s (%d ok, %d stored); CPU %.2f ms per check, %.1f%% of %d cores;"
                        + " allocated %.0f KiB per check; TTFT error p99 %d ms; at this CPU cost one instance could"
                        + " check about %.0f models a minute with the CPU to spare%n",
                checks, elapsed / 1e9, ok, stored, cpu / 1e6 / checks, cpuShare * 100,
                Runtime.getRuntime().availableProcessors(), allocated / 1024.0 / checks,
                ttftError[Percentiles.rank(ttftError.length, 0.99)], checks / cpuShare);
        System.out.println("model cost: heap in use after the run "
                + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024) + " MiB");
    }

    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long bytes = threads.getThreadAllocatedBytes(id);
            total += Math.max(0, bytes);
        }
        return total;
    }

}
