package dev.llmstatus.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import dev.llmstatus.probe.ProbeProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    ModelKeys modelKeys(Environment environment) {
        return new ModelKeys(environment);
    }

    @Bean
    ModelHistory modelHistory(DataSource dataSource) {
        return new ModelHistory(new JdbcTemplate(dataSource));
    }

    /**
     * Only instances that probe send model checks; the others serve pages from the shared history. With
     * {@code llmstatus.models.enabled=false} the beans exist but no model is scheduled.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "llmstatus.probe.enabled", matchIfMissing = true)
    static class Checking {

        @Bean
        InferenceClient inferenceClient(ModelProperties properties, Clock clock) {
            return new InferenceClient(InferenceClient.httpClient(), properties.userAgent(), clock);
        }

        @Bean
        ModelBudget modelBudget(ModelProperties properties, Clock clock) {
            return new ModelBudget(properties, clock);
        }

        @Bean
        ModelHistoryWriter modelHistoryWriter(DataSource dataSource, ApplicationEventPublisher events, Clock clock) {
            return new ModelHistoryWriter(new JdbcTemplate(dataSource), events, clock);
        }

        @Bean
        ModelChecker modelChecker(InferenceClient client, ModelKeys keys, ModelBudget budget,
                MeterRegistry meterRegistry, ModelHistoryWriter writer, ModelProperties properties, Clock clock) {
            return new ModelChecker(client, keys, budget, new ModelMetrics(meterRegistry), writer, properties, clock);
        }

        @Bean
        ModelJobs modelJobs(DataSource dataSource, PlatformTransactionManager transactionManager,
                ModelHistoryWriter writer, ModelHistory history, ModelBudget budget, ProbeProperties retention,
                Clock clock) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            LockProvider locks = new JdbcTemplateLockProvider(
                    JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc).usingDbTime().build());
            return new ModelJobs(writer, history, budget,
                    new ModelMaintenance(jdbc, new TransactionTemplate(transactionManager), retention, clock), locks,
                    retention, clock);
        }

    }

    /** The model checks' periodic work: writing results, syncing the budget, rollups and pruning. */
    static final class ModelJobs implements AutoCloseable {

        private final ModelHistoryWriter writer;

        private final ModelHistory history;

        private final ModelBudget budget;

        private final ModelMaintenance maintenance;

        private final LockProvider locks;

        private final ProbeProperties retention;

        private final Clock clock;

        ModelJobs(ModelHistoryWriter writer, ModelHistory history, ModelBudget budget, ModelMaintenance maintenance,
                LockProvider locks, ProbeProperties retention, Clock clock) {
            this.writer = writer;
            this.history = history;
            this.budget = budget;
            this.maintenance = maintenance;
            this.locks = locks;
            this.retention = retention;
            this.clock = clock;
        }

        @Scheduled(fixedDelayString = "${llmstatus.models.flush-interval:1s}")
        void flush() {
            this.writer.flush();
        }

        /** Counts what every instance sent today, so that the budget holds across restarts and instances. */
        @Scheduled(fixedDelayString = "1m", initialDelayString = "0s")
        void syncBudget() {
            Instant midnight = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC).atStartOfDay()
                .toInstant(ZoneOffset.UTC);
            this.budget.sync(this.history.requestsSince(midnight));
        }

        @Scheduled(fixedDelayString = "${llmstatus.probe.rollup-interval:5m}")
        void rollup() {
            once("model-rollup", this.retention.rollupInterval(), this.maintenance::rollup);
        }

        @Scheduled(fixedDelayString = "${llmstatus.probe.prune-interval:1h}")
        void prune() {
            once("model-prune", this.retention.pruneInterval(), this.maintenance::prune);
        }

        /** Across instances sharing the database, whoever locks first in a period does the work. */
        private void once(String name, Duration period, Runnable work) {
            Duration hold = period.multipliedBy(9).dividedBy(10);
            if (this.locks.lock(new LockConfiguration(this.clock.instant(), name, hold, Duration.ZERO)).isPresent()) {
                work.run();
            }
        }

        /** Writes what is still queued when the application stops. */
        @Override
        public void close() {
            this.writer.flush();
        }

    }

}
