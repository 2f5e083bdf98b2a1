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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.llmstatus.LlmStatusApplication;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.support.PostgresAvailability;

import org.springframework.boot.builder.SpringApplicationBuilder;
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
        PostgreSQLContainer container = null;
        String url = System.getenv("LLMSTATUS_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("LLMSTATUS_TEST_POSTGRES_USER", "llmstatus");
        String password = System.getenv().getOrDefault("LLMSTATUS_TEST_POSTGRES_PASSWORD", "llmstatus");
        if (PostgresAvailability.source() == PostgresAvailability.Source.DOCKER) {
            container = new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"));
            container.start();
            url = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
        }
        String slug = "mi" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        try (ProviderSimulator simulator = ProviderSimulator.start()) {
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
                        .run("--server.port=0", "--spring.datasource.url=" + url,
                                "--spring.datasource.username=" + user, "--spring.datasource.password=" + password,
                                "--llmstatus.catalog.location=file:" + file, "--llmstatus.probe.jitter=1s",
                                "--llmstatus.probe.flush-interval=200ms", "--llmstatus.probe.official-interval=1h"));
                }
                Thread.sleep(INTERVAL.multipliedBy(5).toMillis());
            }
            finally {
                instances.forEach(ConfigurableApplicationContext::close);
            }
            JdbcTemplate jdbc = new JdbcTemplate(
                    org.springframework.boot.jdbc.DataSourceBuilder.create().url(url).username(user).password(password).build());
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
        finally {
            if (container != null) {
                container.stop();
            }
        }
    }

}
