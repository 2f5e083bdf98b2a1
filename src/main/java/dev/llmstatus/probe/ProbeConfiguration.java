package dev.llmstatus.probe;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.CheckDefinition;
import dev.llmstatus.catalog.CheckKind;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The prober's beans that are not its own classes (the HTTP client, its threads) or that need a computed
 * argument. Everything else is a {@link ProbingComponent} wired through its constructor.
 */
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
        HttpClient probeHttpClient(ProbeExecutors executors, Catalog catalog) {
            return httpClient(executors, connectTimeout(catalog));
        }

        @Bean
        ProberLoad proberLoad(ProbeProperties properties) {
            return new ProberLoad(properties.load());
        }

        @Bean
        HostResolver hostResolver(ProbeExecutors executors, ProbeProperties properties) {
            return new HostResolver(executors.dns(), properties.dnsTimeout());
        }

        @Bean
        SelfCheck selfCheck(ProbeResultRepository results, MonitorStateRepository states,
                TransactionTemplate transactions, ApplicationEventPublisher events,
                Catalog catalog, ProbeProperties properties, Clock clock) {
            return new SelfCheck(results, states, transactions, events, longestInterval(catalog),
                    properties.offlineMinProbes(), clock);
        }

        @Bean
        ProbeScheduler.Job selfCheckJob(SelfCheck selfCheck, ProbeProperties properties) {
            return new ProbeScheduler.Job("self-check", properties.selfCheckInterval(), selfCheck::run);
        }

        @Bean
        ProbeScheduler.Job rollupJob(HistoryMaintenance maintenance, ProbeProperties properties) {
            return new ProbeScheduler.Job("rollup", properties.rollupInterval(), maintenance::rollup);
        }

        @Bean
        ProbeScheduler.Job pruneJob(HistoryMaintenance maintenance, ProbeProperties properties) {
            return new ProbeScheduler.Job("prune", properties.pruneInterval(), maintenance::prune);
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
         * Half the shortest check timeout: a connection that cannot even be opened in that time counts as a
         * network-level failure (which feeds offline detection) rather than as a slow target.
         */
        private static Duration connectTimeout(Catalog catalog) {
            Duration shortest = definitions(catalog).map(CheckDefinition::timeout)
                .min(Duration::compareTo)
                .orElse(Duration.ofSeconds(10));
            Duration half = shortest.dividedBy(2);
            return half.compareTo(Duration.ofMillis(500)) < 0 ? Duration.ofMillis(500) : half;
        }

        /** Front doors only: their answers are what offline detection reads, and model intervals are far longer. */
        private static Duration longestInterval(Catalog catalog) {
            return definitions(catalog).filter((definition) -> definition.kind() == CheckKind.FRONT_DOOR)
                .map(CheckDefinition::interval)
                .max(Duration::compareTo)
                .orElse(Duration.ofSeconds(60));
        }

        private static Stream<CheckDefinition> definitions(Catalog catalog) {
            return CheckTarget.all(catalog).stream().map(CheckTarget::definition);
        }

    }

}
