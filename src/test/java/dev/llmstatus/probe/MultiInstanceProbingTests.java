package dev.llmstatus.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.llmstatus.LlmStatusApplication;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.support.PostgresAvailability;
import dev.llmstatus.support.StandalonePostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one PostgreSQL, probing the same catalog: ShedLock must let exactly one of
 * them probe each component in each interval.
 */
@ExtendWith(PostgresAvailability.class)
class MultiInstanceProbingTests {

    private static final Duration INTERVAL = Duration.ofSeconds(2);

    @Test
    void twoInstancesProbeEachComponentOncePerInterval() throws Exception {
        String slug = "mi" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        try (StandalonePostgres database = StandalonePostgres.start();
                ProviderSimulator simulator = ProviderSimulator.start()) {
            simulator.setDefault(Behaviour.status(401).after(Duration.ofMillis(50)));
            SimulatedCatalog catalog = new SimulatedCatalog(INTERVAL, Duration.ofMillis(1500), Duration.ofMillis(800));
            catalog.provider(slug, "Simulated " + slug, simulator.uri("/" + slug));
            for (int i = 0; i < 6; i++) {
                catalog.component("c" + i, "Component " + i, simulator.uri("/" + slug + "/c" + i), 401);
            }
            Path file = catalog.write(Files.createTempDirectory("probe-multi").resolve("providers.yml"));
            List<ConfigurableApplicationContext> instances = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    instances.add(new SpringApplicationBuilder(LlmStatusApplication.class).profiles("postgres")
                        .run(arguments(database, "--server.port=0", "--llmstatus.catalog.location=file:" + file, "--llmstatus.probe.jitter=1s",
                                "--llmstatus.probe.flush-interval=200ms", "--llmstatus.probe.official-interval=1h")));
                }
                Thread.sleep(INTERVAL.multipliedBy(5).toMillis());
            }
            finally {
                instances.forEach(ConfigurableApplicationContext::close);
            }
            JdbcTemplate jdbc = new JdbcTemplate(DataSourceBuilder.create()
                .url(database.url())
                .username(database.user())
                .password(database.password())
                .build());
            Map<String, List<Long>> starts = new LinkedHashMap<>();
            jdbc.query("select component, started_at from probe_result where provider = ? order by started_at",
                    (row) -> {
                        starts.computeIfAbsent(row.getString(1), (key) -> new ArrayList<>())
                            .add(row.getObject(2, Timestamp.class).getTime());
                    }, slug);
            assertThat(starts).hasSize(6);
            starts.forEach((component, times) -> {
                assertThat(times).as(component).hasSizeGreaterThanOrEqualTo(3);
                long offset = ProbeScheduler.offset(slug + "/" + component, 1000);
                assertThat(times.stream().map((t) -> Math.floorDiv(t - offset + INTERVAL.toMillis() / 2,
                        INTERVAL.toMillis())).distinct()).as(component + ": one probe per interval slot")
                    .hasSameSizeAs(times);
                for (int i = 1; i < times.size(); i++) {
                    assertThat(times.get(i) - times.get(i - 1)).as(component + " probes " + (i - 1) + " and " + i)
                        .isGreaterThan(INTERVAL.toMillis() / 2);
                }
            });
            assertThat(simulator.requests()).isEqualTo(starts.values().stream().mapToInt(List::size).sum());
        }
    }

    private static String[] arguments(StandalonePostgres database, String... more) {
        return Stream.concat(Stream.of(database.arguments()), Stream.of(more)).toArray(String[]::new);
    }

}
