package dev.llmstatus.probe;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManager;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

    @Bean
    ProbeHistory probeHistory(ProbeResultRepository results, HourlyRollupRepository rollups,
            MonitorStateRepository states, PlatformTransactionManager transactionManager) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        return new DatabaseProbeHistory(results, rollups, states, readOnly);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "llmstatus.probe.enabled", matchIfMissing = true)
    static class Probing {

        @Bean
        ProbeExecutors probeExecutors(ProbeProperties properties) {
            return new ProbeExecutors(properties.workerThreads());
        }

        @Bean
        ProbeScheduler probeScheduler(Catalog catalog, ProbeProperties properties, ProbeExecutors executors,
                DataSource dataSource, ProbeResultRepository results, HourlyRollupRepository rollups,
                MonitorStateRepository states, EntityManager entityManager,
                PlatformTransactionManager transactionManager, ApplicationEventPublisher events,
                MeterRegistry meterRegistry, Clock clock) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(transactionManager);
            ClusterLocks locks = new ClusterLocks(new JdbcTemplateLockProvider(
                    JdbcTemplateLockProvider.Configuration.builder().withJdbcTemplate(jdbc).usingDbTime().build()));
            HttpClient client = httpClient(executors, connectTimeout(catalog));
            HostResolver resolver = new HostResolver(executors.dns(), properties.dnsTimeout());
            HttpProbe probe = new HttpProbe(client, resolver, properties.userAgent(), clock);
            HistoryWriter writer = new HistoryWriter(properties.maxPending(), results, entityManager, transactions,
                    events, clock);
            SelfCheck selfCheck = new SelfCheck(results, states, transactions, events, longestInterval(catalog),
                    properties.offlineMinProbes(), clock);
            HistoryMaintenance maintenance = new HistoryMaintenance(jdbc, rollups, entityManager,
                    transactions, properties, clock);
            List<ProbeScheduler.Job> jobs = List.of(
                    new ProbeScheduler.Job("self-check", properties.selfCheckInterval(), selfCheck::run),
                    new ProbeScheduler.Job("rollup", properties.rollupInterval(), maintenance::rollup),
                    new ProbeScheduler.Job("prune", properties.pruneInterval(), maintenance::prune));
            return new ProbeScheduler(catalog, properties, executors, locks, probe, writer,
                    new ProbeMetrics(meterRegistry), jobs, clock);
        }

        /** Never follows redirects (a redirect is an answer to classify) and never authenticates. */
        static HttpClient httpClient(ProbeExecutors executors, Duration connectTimeout) {
            return HttpClient.newBuilder()
                .executor(executors.http())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
        }

        /**
         * Half the shortest probe timeout: a connection that cannot even be opened in that time counts as a
         * network-level failure (which feeds offline detection) rather than as a slow target.
         */
        private static Duration connectTimeout(Catalog catalog) {
            Duration shortest = catalog.providers()
                .stream()
                .flatMap((provider) -> provider.components().stream())
                .map((component) -> component.probe().timeout())
                .min(Duration::compareTo)
                .orElse(Duration.ofSeconds(10));
            Duration half = shortest.dividedBy(2);
            return half.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : half;
        }

        private static Duration longestInterval(Catalog catalog) {
            return catalog.providers()
                .stream()
                .flatMap((provider) -> provider.components().stream())
                .map(Component::probe)
                .map((probe) -> probe.interval())
                .max(Duration::compareTo)
                .orElse(Duration.ofSeconds(60));
        }

    }

}
