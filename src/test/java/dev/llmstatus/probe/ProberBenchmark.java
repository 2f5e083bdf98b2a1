package dev.llmstatus.probe;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.llmstatus.LlmStatusApplication;
import dev.llmstatus.TestLlmStatusApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints the prober's figures for 10,000 components answering after 200 ms: {@code ./mvnw -Pbenchmark verify}
 * (this JVM runs with {@code -Xmx512m}; the simulator runs in a child JVM on 127.0.0.1-4 so that its work is not
 * counted). Figures, not assertions: see docs/benchmarks.md.
 */
class ProberBenchmark {

    private static final int PROVIDERS = 100;

    private static final int COMPONENTS_PER_PROVIDER = 100;

    private static final Duration INTERVAL = Duration.ofSeconds(20);

    private static final Duration JITTER = Duration.ofSeconds(5);

    private static final int HOSTS = 4;

    private static final int CYCLES = 6;

    @Test
    void tenThousandComponents() throws Exception {
        Process simulator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), TestLlmStatusApplication.class.getName(),
                "--simulator-only", "--bind=127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4", "--delay=200ms")
            .redirectError(Path.of("target", "benchmark-simulator.log").toFile())
            .start();
        try {
            BufferedReader out = new BufferedReader(
                    new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertThat(line).as("simulator output (see target/benchmark-simulator.log)").startsWith("port=");
            int port = Integer.parseInt(line.substring(5));
            run(port);
        }
        finally {
            simulator.getOutputStream().close();
            simulator.destroy();
            simulator.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private void run(int port) throws Exception {
        SimulatedCatalog catalog = new SimulatedCatalog(INTERVAL, Duration.ofSeconds(5), Duration.ofSeconds(1));
        for (int p = 0; p < PROVIDERS; p++) {
            String host = "127.0.0." + (1 + p % HOSTS);
            catalog.provider("bench-" + p, "Bench " + p, URI.create("http://" + host + ":" + port + "/p" + p));
            for (int c = 0; c < COMPONENTS_PER_PROVIDER; c++) {
                catalog.component("c" + c, "C" + c, URI.create("http://" + host + ":" + port + "/p" + p + "/c" + c),
                        200);
            }
        }
        Path file = catalog.write(Files.createTempDirectory("bench").resolve("providers.yml"));
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
            .getOperatingSystemMXBean();
        AtomicLong peakHeap = new AtomicLong();
        Map<Long, Long> cpuAtCycleStart = new ConcurrentHashMap<>();
        long interval = INTERVAL.toMillis();
        Thread sampler = new Thread(() -> {
            long lastCycle = -1;
            while (!Thread.currentThread().isInterrupted()) {
                peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                long cycle = System.currentTimeMillis() / interval;
                if (cycle != lastCycle) {
                    cpuAtCycleStart.put(cycle, os.getProcessCpuTime());
                    lastCycle = cycle;
                }
                try {
                    Thread.sleep(20);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        }, "bench-sampler");
        sampler.setDaemon(true);
        sampler.start();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LlmStatusApplication.class).run(
                "--server.port=0", "--llmstatus.catalog.location=file:" + file,
                "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
                "--llmstatus.probe.jitter=" + JITTER.toMillis() + "ms", "--llmstatus.probe.per-host-concurrency=512",
                "--llmstatus.probe.official-interval=1h", "--logging.level.root=warn");
        long startedCycle = System.currentTimeMillis() / interval;
        long firstFull = startedCycle + 1;
        long end = (firstFull + CYCLES) * interval + 2000;
        Thread.sleep(Math.max(0, end - System.currentTimeMillis()));
        sampler.interrupt();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        List<String> report = new ArrayList<>();
        report.add(String.format("%-8s %8s %12s %12s %12s %10s %8s %11s %10s", "cycle", "results", "last result",
                "lag p50", "lag p99", "not up", "up %", "under load", "CPU s"));
        for (long cycle = firstFull; cycle < firstFull + CYCLES; cycle++) {
            long cycleStart = cycle * interval;
            List<Long> lags = new ArrayList<>();
            long[] last = { 0 };
            int[] down = { 0 };
            int[] underLoad = { 0 };
            Map<String, Integer> outcomes = new java.util.TreeMap<>();
            jdbc.query("select provider, component, started_at, latency_ms, outcome, detail, under_load from probe_result "
                    + "where started_at >= ? and started_at < ?", (row) -> {
                        long started = row.getTimestamp(3).getTime();
                        long offset = ProbeScheduler.offset(row.getString(1) + "/" + row.getString(2),
                                JITTER.toMillis());
                        lags.add(started - (cycleStart + offset));
                        last[0] = Math.max(last[0], started + row.getLong(4));
                        if (!"UP".equals(row.getString(5))) {
                            down[0]++;
                        }
                        if (row.getBoolean(7)) {
                            underLoad[0]++;
                        }
                        outcomes.merge(row.getString(5) + " (" + row.getString(6).replaceAll("\\d+ ms", "N ms") + ")",
                                1, Integer::sum);
                    }, new Timestamp(cycleStart), new Timestamp(cycleStart + interval));
            Collections.sort(lags);
            Long cpuStart = cpuAtCycleStart.get(cycle);
            Long cpuEnd = cpuAtCycleStart.get(cycle + 1);
            double cpu = (cpuStart != null && cpuEnd != null) ? (cpuEnd - cpuStart) / 1e9 : Double.NaN;
            // up % is of every component due in the cycle: a result not recorded (a timeout our own stall explains)
            // counts against it like a wrong one
            report.add(String.format("%-8d %8d %10.2f s %9d ms %9d ms %10d %7.2f%% %11d %10.2f", cycle - firstFull + 1,
                    lags.size(), (last[0] - cycleStart) / 1000.0, percentile(lags, 0.50), percentile(lags, 0.99),
                    down[0], 100.0 * (lags.size() - down[0]) / (PROVIDERS * COMPONENTS_PER_PROVIDER), underLoad[0],
                    cpu));
            report.add("         outcomes: " + outcomes);
        }
        var underLoadMeters = context.getBean(io.micrometer.core.instrument.MeterRegistry.class)
            .find("llmstatus.probe.under.load")
            .counters();
        report.add("measured under load, whole run: " + underLoadMeters.stream()
            .map((counter) -> "counted=" + counter.getId().getTag("counted") + " " + (long) counter.count())
            .toList());
        report.add(String.format("peak heap used: %d MiB (max heap %d MiB)", peakHeap.get() / (1024 * 1024),
                memory.getHeapMemoryUsage().getMax() / (1024 * 1024)));
        context.close();
        String text = String.join("\n", report);
        System.out.println("\n=== Prober benchmark: " + PROVIDERS * COMPONENTS_PER_PROVIDER + " components, "
                + HOSTS + " hosts, 200 ms answers, interval " + INTERVAL.toSeconds() + " s, jitter "
                + JITTER.toSeconds() + " s, " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + Instant.now() + "\n" + text + "\n");
        Files.writeString(Path.of("target", "benchmark-prober.txt"), text + "\n");
    }

    private static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
    }

}
