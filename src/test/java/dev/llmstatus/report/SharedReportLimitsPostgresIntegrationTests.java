package dev.llmstatus.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.llmstatus.LlmStatusApplication;
import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.report.ReportService.Submission;
import dev.llmstatus.support.PostgresAvailability;
import dev.llmstatus.support.ScriptedHistoryConfiguration;
import dev.llmstatus.support.StandalonePostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL, as behind a load balancer: with {@code shared-limits} a person who reported on
 * one instance is refused on the other; without, each instance would give a fresh allowance.
 */
@ExtendWith(PostgresAvailability.class)
class SharedReportLimitsPostgresIntegrationTests {

    @Test
    void withSharedLimitsAReportOnOneInstanceCountsOnTheOther() {
        Map<Boolean, List<Submission.Result>> results = new LinkedHashMap<>();
        try (StandalonePostgres database = StandalonePostgres.start()) {
            for (boolean shared : List.of(true, false)) {
                List<ConfigurableApplicationContext> instances = new ArrayList<>();
                try {
                    for (int i = 0; i < 2; i++) {
                        instances.add(new SpringApplicationBuilder(LlmStatusApplication.class,
                                ScriptedHistoryConfiguration.class)
                            .profiles("postgres")
                            .properties("spring.main.web-application-type=none", "llmstatus.probe.enabled=false",
                                    "llmstatus.status.rebuild-interval=1h", "llmstatus.reports.secret=shared-secret",
                                    "llmstatus.reports.shared-limits=" + shared)
                            .run(database.arguments()));
                    }
                    // Rows outlive a run on a local server: a fresh address each time.
                    String address = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                            + ThreadLocalRandom.current().nextInt(1, 1_000_000);
                    List<Submission.Result> outcomes = new ArrayList<>();
                    for (ConfigurableApplicationContext instance : instances) {
                        Provider stepfun = instance.getBean(Catalog.class).find("stepfun").orElseThrow();
                        Submission submission = instance.getBean(ReportService.class)
                            .submit(stepfun, ReportForm.of(Map.of("type", "SLOW")), address);
                        outcomes.add(submission.result());
                    }
                    results.put(shared, outcomes);
                }
                finally {
                    instances.forEach(ConfigurableApplicationContext::close);
                }
            }
        }
        assertThat(results.get(true)).containsExactly(Submission.Result.ACCEPTED, Submission.Result.LIMITED);
        assertThat(results.get(false)).containsExactly(Submission.Result.ACCEPTED, Submission.Result.ACCEPTED);
    }

}
