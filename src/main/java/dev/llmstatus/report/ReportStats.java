package dev.llmstatus.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the report aggregates for the status engine's rebuild: a handful of grouped queries for all providers at
 * once, never one per provider and never on a page request. The baseline's hourly history changes only when the
 * hour does, so it is read again at most every few minutes.
 */
@org.springframework.stereotype.Component
public class ReportStats {

    private static final Duration DAY = Duration.ofHours(24);

    private static final Duration HOUR = Duration.ofHours(1);

    private static final Duration HISTORY_REFRESH = Duration.ofMinutes(5);

    private static final String WINDOWS = """
            count(distinct case when created_at >= :m15 then reporter end) as m15,
            count(distinct case when created_at >= :h1 then reporter end) as h1,
            count(distinct reporter) as d1
            from community_report where created_at >= :d1 and created_at <= :now""";

    private final JdbcClient jdbc;

    private final Catalog catalog;

    private final ReportProperties properties;

    /** The baseline's hourly history, by the hour it was read in. */
    private final Cache<Instant, Map<String, Map<Long, Long>>> history;

    ReportStats(JdbcClient jdbc, Catalog catalog, ReportProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.properties = properties;
        this.history = Caffeine.newBuilder()
            .maximumSize(1)
            .expireAfterWrite(HISTORY_REFRESH)
            .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
            .build();
    }

    /** Every catalog provider's summary as of {@code now}. */
    public Map<String, ReportSummary> summaries(Instant now) {
        Map<String, Builder> builders = new LinkedHashMap<>();
        this.catalog.providers().forEach((provider) -> builders.put(provider.slug(), new Builder()));
        Map<String, Object> windows = Map.of("m15", time(now.minus(ReportSummaries.SPIKE_WINDOW)), "h1",
                time(now.minus(HOUR)), "d1", time(now.minus(DAY)), "now", time(now));
        this.jdbc.sql("select provider, " + WINDOWS + " group by provider")
            .params(windows)
            .query((rs) -> {
                Builder builder = builders.get(rs.getString("provider"));
                if (builder != null) {
                    builder.total = counts(rs);
                }
            });
        this.jdbc.sql("select provider, report_type, " + WINDOWS + " group by provider, report_type")
            .params(windows)
            .query((rs) -> {
                Builder builder = builders.get(rs.getString("provider"));
                ReportType type = type(rs.getString("report_type"));
                if (builder != null && type != null) {
                    builder.byType.put(type, counts(rs));
                }
            });
        long firstSlot = Math.floorDiv(now.getEpochSecond(), CommunityReport.BUCKET_SECONDS) - ReportSummaries.SLOTS
                + 1;
        this.jdbc.sql("""
                select provider, bucket, count(distinct reporter) as people from community_report
                where created_at >= :from and created_at <= :now group by provider, bucket""")
            .param("from", time(Instant.ofEpochSecond(firstSlot * CommunityReport.BUCKET_SECONDS)))
            .param("now", time(now))
            .query((rs) -> {
                Builder builder = builders.get(rs.getString("provider"));
                if (builder != null) {
                    builder.slots.put(rs.getLong("bucket"), rs.getLong("people"));
                }
            });
        Map<String, Provider> providers = new HashMap<>();
        this.catalog.providers().forEach((provider) -> providers.put(provider.slug(), provider));
        this.jdbc.sql("""
                select provider, component, report_type, error_code, comment_text, created_at from (
                    select provider, component, report_type, error_code, comment_text, created_at, id,
                        row_number() over (partition by provider order by created_at desc, id desc) as recency
                    from community_report
                    where comment_text is not null and created_at >= :from and created_at <= :now) latest
                where recency <= :limit order by provider, created_at desc, id desc""")
            .param("from", time(now.minus(DAY)))
            .param("now", time(now))
            .param("limit", ReportSummaries.COMMENTS)
            .query((rs) -> {
                Builder builder = builders.get(rs.getString("provider"));
                ReportType type = type(rs.getString("report_type"));
                if (builder != null && type != null) {
                    Provider provider = providers.get(rs.getString("provider"));
                    String key = rs.getString("component");
                    String component = (key != null) ? provider.component(key).map(Component::name).orElse(null)
                            : null;
                    builder.comments.add(new ReportSummary.Comment(
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), type, component,
                            rs.getString("error_code"), rs.getString("comment_text")));
                }
            });
        Map<String, Map<Long, Long>> hours = history(now);
        Map<String, ReportSummary> summaries = new LinkedHashMap<>();
        builders.forEach((slug, builder) -> summaries.put(slug,
                ReportSummaries.summarise(now,
                        new ReportSummaries.Rows(builder.total, builder.byType, builder.slots,
                                hours.getOrDefault(slug, Map.of()), builder.comments),
                        this.properties.spikeMinReporters(), this.properties.spikeFactor())));
        return summaries;
    }

    /**
     * People per hour for the baseline of every hour in the chart: from 8 days ago up to the same hour yesterday.
     * Those hours are over, so the result is kept until the hour changes.
     */
    private Map<String, Map<Long, Long>> history(Instant now) {
        return this.history.get(now.truncatedTo(ChronoUnit.HOURS), this::readHistory);
    }

    private Map<String, Map<Long, Long>> readHistory(Instant hour) {
        Map<String, Map<Long, Long>> loaded = new HashMap<>();
        this.jdbc.sql("""
                select provider, bucket / 12 as hour_slot, count(distinct reporter) as people
                from community_report where created_at >= :from and created_at < :to
                group by provider, bucket / 12""")
            .param("from", time(hour.minus(DAY.multipliedBy(ReportSummaries.BASELINE_DAYS + 1))))
            .param("to", time(hour.minus(DAY).plus(HOUR)))
            .query((rs) -> {
                loaded.computeIfAbsent(rs.getString("provider"), (key) -> new HashMap<>())
                    .put(rs.getLong("hour_slot"), rs.getLong("people"));
            });
        return loaded;
    }

    private static ReportSummaries.Counts counts(ResultSet rs) throws SQLException {
        return new ReportSummaries.Counts(rs.getLong("m15"), rs.getLong("h1"), rs.getLong("d1"));
    }

    private static ReportType type(String name) {
        try {
            return ReportType.valueOf(name);
        }
        catch (IllegalArgumentException ex) {
            // A type a newer version wrote; this version cannot show it.
            return null;
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static final class Builder {

        private ReportSummaries.Counts total = ReportSummaries.Counts.ZERO;

        private final Map<ReportType, ReportSummaries.Counts> byType = new EnumMap<>(ReportType.class);

        private final Map<Long, Long> slots = new HashMap<>();

        private final List<ReportSummary.Comment> comments = new ArrayList<>();

    }

}
