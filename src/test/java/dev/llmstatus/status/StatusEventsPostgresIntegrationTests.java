package dev.llmstatus.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.llmstatus.LlmStatusApplication;
import dev.llmstatus.support.PostgresAvailability;
import dev.llmstatus.support.ProbeScript;
import dev.llmstatus.support.ScriptedHistoryConfiguration;
import dev.llmstatus.support.StandalonePostgres;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL see the same outage at the same moment and rebuild at once: each change is
 * recorded once and each event published once, by whichever instance won the write.
 */
@ExtendWith(PostgresAvailability.class)
class StatusEventsPostgresIntegrationTests {

    @Test
    void twoInstancesPublishEachEventOnce() throws Exception {
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        List<StatusEventLog> logs = new ArrayList<>();
        try (StandalonePostgres database = StandalonePostgres.start()) {
            try {
                for (int i = 0; i < 2; i++) {
                    instances.add(new SpringApplicationBuilder(LlmStatusApplication.class,
                            ScriptedHistoryConfiguration.class, StatusEventLog.Configuration.class)
                        .profiles("postgres")
                        .properties("spring.main.web-application-type=none", "llmstatus.probe.enabled=false",
                                "llmstatus.status.rebuild-interval=1h")
                        .run(database.arguments()));
                    logs.add(instances.get(i).getBean(StatusEventLog.class));
                }
                instances.forEach((instance) -> instance.getBean(ProbeScript.class).reset());
                both(instances, (script) -> script.healthy(3));
                both(instances, (script) -> script.failing(3, "stepfun/api"));
                both(instances, (script) -> script.failing(3, "stepfun"));
                both(instances, (script) -> script.failing(2, "stepfun"));
                both(instances, (script) -> script.healthy(3));
            }
            finally {
                instances.forEach(ConfigurableApplicationContext::close);
            }
        }
        List<String> ids = new ArrayList<>();
        logs.forEach((log) -> ids.addAll(log.ids()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(7);
        assertThat(ids).filteredOn((id) -> id.startsWith("component-stepfun/"))
            .containsExactlyInAnyOrder("component-stepfun/api-1", "component-stepfun/web-1", "component-stepfun/api-2",
                    "component-stepfun/web-2");
        assertThat(ids).filteredOn((id) -> id.startsWith("incident-"))
            .hasSize(3)
            .anyMatch((id) -> id.endsWith("-opened"))
            .anyMatch((id) -> id.endsWith("-updated-2"))
            .anyMatch((id) -> id.endsWith("-resolved"));
    }

    /** Scripts the same step into both instances, then has them rebuild at the same moment. */
    private static void both(List<ConfigurableApplicationContext> instances, Consumer<ProbeScript> step)
            throws Exception {
        instances.forEach((instance) -> step.accept(instance.getBean(ProbeScript.class)));
        CyclicBarrier start = new CyclicBarrier(instances.size());
        List<CompletableFuture<StatusSnapshot>> rebuilds = instances.stream()
            .map((instance) -> CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                }
                catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
                return instance.getBean(StatusEngine.class).rebuild();
            }))
            .toList();
        for (CompletableFuture<StatusSnapshot> rebuild : rebuilds) {
            rebuild.get();
        }
    }

}
