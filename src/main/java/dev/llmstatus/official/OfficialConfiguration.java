package dev.llmstatus.official;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.probe.ProbeProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class OfficialConfiguration {

    @Bean
    OfficialPages officialPages(OfficialStatusRepository statuses, OfficialIncidentRepository incidents,
            PlatformTransactionManager transactionManager, ProbeProperties properties, Clock clock,
            ApplicationEventPublisher events) {
        TransactionTemplate readOnly = new TransactionTemplate(transactionManager);
        readOnly.setReadOnly(true);
        return new OfficialPages(statuses, incidents, new TransactionTemplate(transactionManager), readOnly,
                properties.recentIncidents(), clock, events);
    }

    /** Reading runs with the prober: a site that does not probe does not read official pages either. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "llmstatus.probe.enabled", matchIfMissing = true)
    static class Reading {

        @Bean(destroyMethod = "shutdownNow")
        ExecutorService officialPagesHttp() {
            AtomicInteger threads = new AtomicInteger();
            return Executors.newFixedThreadPool(4, (task) -> {
                Thread thread = new Thread(task, "official-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Bean
        OfficialSchedule officialSchedule(Catalog catalog, OfficialPages pages, ExecutorService officialPagesHttp,
                DataSource dataSource, ApplicationEventPublisher events, ProbeProperties properties, Clock clock) {
            OfficialPageReader reader = new OfficialPageReader(httpClient(officialPagesHttp, properties),
                    properties.userAgent(), properties.officialTimeout(), properties.recentIncidents(), clock);
            JdbcTemplateLockProvider locks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
            return new OfficialSchedule(catalog, reader, pages, locks, events, properties.officialInterval(),
                    properties.rollupRetention(), clock);
        }

        /** Pages move between hosts, so redirects are followed; nothing carries credentials. */
        static HttpClient httpClient(ExecutorService executor, ProbeProperties properties) {
            return HttpClient.newBuilder()
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(properties.officialTimeout())
                .build();
        }

    }

}
