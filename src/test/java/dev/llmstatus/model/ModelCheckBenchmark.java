package dev.llmstatus.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.llmstatus.catalog.ModelProtocol;
import dev.llmstatus.TestLlmStatusApplication;
import dev.llmstatus.probe.Percentiles;
import dev.llmstatus.probe.ProviderSimulator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the model checks' figures: {@code ./mvnw -Pbenchmark verify -Dit.test=ModelCheckBenchmark} (this JVM runs
 * with {@code -Xmx512m}; the simulator runs in a child JVM so that its work is not counted). Figures, not assertions:
 * see docs/benchmarks.md.
 * <ol>
 * <li>Accuracy: 500 streams in flight at once, the simulator scripting a first token 500 ms after it takes the request
 * and 50 tokens a second. Each round prints three lines: measured against the script (the target), what the
 * simulator actually sent against its script (its own lateness, from the times it stamps on every token it writes),
 * and measured against what was actually sent (the client's own error).</li>
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
        // The simulator flushes every token to the wire at once (TCP_NODELAY, as streaming servers do) and keeps 500
        // idle connections between rounds the way a provider's edge does, and warms its JIT before it says it listens.
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dsun.net.httpserver.nodelay=true", "-Dsun.net.httpserver.maxIdleConnections=1000",
                "-cp", System.getProperty("java.class.path"), TestLlmStatusApplication.class.getName(),
                "--simulator-only", "--warm-up=2000", "--model-ttft=" + TTFT.toMillis() + "ms",
                "--model-rate=" + (int) RATE, "--model-tokens=" + TOKENS)
            .redirectError(Path.of("target", "model-benchmark-simulator.log").toFile())
            .start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("simulator output (see target/model-benchmark-simulator.log)").startsWith("port=");
            String base = "http://127.0.0.1:" + line.substring(5);
            URI sent = URI.create(base + ProviderSimulator.SENT_PATH);
            InferenceClient client = new InferenceClient(InferenceClient.httpClient(), "benchmark", Clock.systemUTC());
            ModelTarget target = new ModelTarget("bench", "bench-model", ModelProtocol.OPENAI_CHAT,
                    URI.create(base + "/v1/chat/completions"), Duration.ofSeconds(30), Duration.ofSeconds(5), 5);
            // Warm-up rounds (printed, not counted): the first one also opens the 500 connections, and the JIT keeps
            // compiling (and re-compiling) the client's paths for some 50,000 tokens, a third of a second of compiler
            // time per round on these two cores, which the selector thread then waits for.
            accuracy(client, target, sent, 100, "warm-up 1");
            for (int round = 2; round <= WARM_UP_ROUNDS; round++) {
                accuracy(client, target, sent, 500, "warm-up " + round);
            }
            List<double[]> counted = new ArrayList<>();
            for (int round = 1; round <= 3; round++) {
                counted.addAll(accuracy(client, target, sent, 500, "round " + round));
            }
            System.out.printf(Locale.ROOT,
                    "model accuracy rounds 1-3 together: %d streams; TTFT measured-scripted %s; tokens/s error %s%n",
                    counted.size(), figures(counted, 0, "ms", "%.0f"), figures(counted, 1, "%", "%.2f"));
            cost(client, target);
        }
        finally {
            simulator.getOutputStream().close();
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static final int WARM_UP_ROUNDS = Integer.getInteger("benchmark.warm-up-rounds", 8);

    /** One round of streams started at once; returns each stream's TTFT error (ms) and rate error (%). */
    private List<double[]> accuracy(InferenceClient client, ModelTarget target, URI sentUrl, int streams,
            String label) {
        long[] gcBefore = collections();
        List<CompletableFuture<ModelResult>> checks = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            checks.add(client.check(target, "sk-bench-0000000000000000"));
        }
        List<ModelResult> results = checks.stream().map(CompletableFuture::join).toList();
        long[] gcAfter = collections();
        Map<String, ProviderSimulator.SentStream> sent = sent(sentUrl);
        long ok = results.stream().filter((r) -> r.outcome() == ModelOutcome.OK).count();
        List<double[]> scripted = new ArrayList<>();
        List<double[]> actual = new ArrayList<>();
        List<double[]> simulated = new ArrayList<>();
        for (ModelResult result : results) {
            if (result.ttftMillis() == null) {
                continue;
            }
            scripted.add(new double[] { result.ttftMillis() - TTFT.toMillis(), rateError(result, RATE) });
            ProviderSimulator.SentStream stream = sent.get(result.requestId());
            if (stream != null && stream.tokensWritten() > 1) {
                double sentTtft = stream.firstWrittenNanos() / 1e6;
                double sentRate = (stream.tokensWritten() - 1) * 1e9
                        / (stream.lastWrittenNanos() - stream.firstWrittenNanos());
                simulated.add(new double[] { sentTtft - stream.scriptedTtftNanos() / 1e6,
                        Math.abs(sentRate - RATE) / RATE * 100, stream.queuedNanos() / 1e6 });
                actual.add(new double[] { result.ttftMillis() - sentTtft, rateError(result, sentRate) });
            }
        }
        System.out.printf(Locale.ROOT,
                "model accuracy %s: %d streams at once, %d ok; TTFT measured-scripted %s; tokens/s error %s;"
                        + " while the streams ran the benchmark JVM made %d collections (%d ms) and compiled for %d ms%n",
                label, streams, ok, figures(scripted, 0, "ms", "%.0f"), figures(scripted, 1, "%", "%.2f"),
                gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], gcAfter[2] - gcBefore[2]);
        System.out.printf(Locale.ROOT,
                "model accuracy %s: simulator sent-scripted TTFT %s; its tokens/s error %s; requests waited for a"
                        + " simulator handler %s (%d streams matched)%n",
                label, figures(simulated, 0, "ms", "%.1f"), figures(simulated, 1, "%", "%.2f"),
                figures(simulated, 2, "ms", "%.1f"), simulated.size());
        System.out.printf(Locale.ROOT,
                "model accuracy %s: client measured-sent TTFT %s; tokens/s error against sent %s%n", label,
                figures(actual, 0, "ms", "%.1f"), figures(actual, 1, "%", "%.2f"));
        return scripted;
    }

    /** Garbage collections so far, their summed time and the JIT compilers' time so far, in milliseconds. */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, collector.getCollectionCount());
            millis += Math.max(0, collector.getCollectionTime());
        }
        return new long[] { count, millis, ManagementFactory.getCompilationMXBean().getTotalCompilationTime() };
    }

    /** How far the measured rate is from the given one, in percent, or NaN when the check measured none. */
    private static double rateError(ModelResult result, double rate) {
        return (result.tokensPerSecond() != null) ? Math.abs(result.tokensPerSecond() - rate) / rate * 100
                : Double.NaN;
    }

    /** p50, p99 and max of one column, or "none". */
    private static String figures(List<double[]> rows, int column, String unit, String format) {
        double[] values = rows.stream().mapToDouble((row) -> row[column]).filter((v) -> !Double.isNaN(v)).sorted()
            .toArray();
        if (values.length == 0) {
            return "none";
        }
        String figure = format + (unit.equals("%") ? "%%" : " " + unit);
        return String.format(Locale.ROOT, "p50 " + figure + ", p99 " + figure + ", max " + figure,
                values[Percentiles.rank(values.length, 0.5)], values[Percentiles.rank(values.length, 0.99)],
                values[values.length - 1]);
    }

    /** What the simulator (another process) actually sent since the last call, by request id. */
    private static Map<String, ProviderSimulator.SentStream> sent(URI sentUrl) {
        try {
            String lines = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(sentUrl).build(), HttpResponse.BodyHandlers.ofString())
                .body();
            Map<String, ProviderSimulator.SentStream> streams = new HashMap<>();
            lines.lines().filter((line) -> !line.isBlank()).map(ProviderSimulator.SentStream::parse)
                .forEach((stream) -> streams.put(stream.requestId(), stream));
            return streams;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
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
