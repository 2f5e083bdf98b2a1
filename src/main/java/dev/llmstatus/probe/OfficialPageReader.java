package dev.llmstatus.probe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.catalog.StatusPageKind;
import dev.llmstatus.catalog.StatusPageSource;
import dev.llmstatus.status.Status;

/**
 * Reads providers' official status pages: the Statuspage v2 {@code summary.json} (Atlassian Statuspage and
 * incident.io), with {@code components.json} next to it when the summary's components are a partial or rotating
 * subset (always on incident.io, and whenever a catalog component's official name is missing from the summary) and
 * {@code incidents.json} for recently resolved incidents; or an RSS/Atom feed. A page that cannot be read is
 * {@link Status#UNKNOWN} with the reason in {@code error}, never operational.
 */
final class OfficialPageReader {

    private static final Logger logger = LoggerFactory.getLogger(OfficialPageReader.class);

    private static final int DOCUMENT_LIMIT = 4 * 1024 * 1024;

    private final HttpClient client;

    private final HostResolver resolver;

    private final ProbeProperties properties;

    private final Clock clock;

    OfficialPageReader(HttpClient client, HostResolver resolver, ProbeProperties properties, Clock clock) {
        this.client = client;
        this.resolver = resolver;
        this.properties = properties;
        this.clock = clock;
    }

    /** Reads every readable page of the catalog at once; each reading has its own deadline. */
    List<OfficialStatus> readAll(Catalog catalog) {
        List<CompletableFuture<OfficialStatus>> readings = catalog.providers()
            .stream()
            .filter((provider) -> provider.statusPage().readable())
            .map(this::read)
            .toList();
        return readings.stream().map(CompletableFuture::join).toList();
    }

    /** Never completes exceptionally. */
    CompletableFuture<OfficialStatus> read(Provider provider) {
        Instant fetchedAt = this.clock.instant();
        StatusPageSource page = provider.statusPage();
        CompletableFuture<OfficialStatus> reading;
        try {
            reading = (page.kind() == StatusPageKind.FEED) ? readFeed(provider, fetchedAt)
                    : readStatuspage(provider, fetchedAt);
        }
        catch (RuntimeException ex) {
            reading = CompletableFuture.failedFuture(ex);
        }
        return reading.orTimeout(this.properties.officialTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally((ex) -> unreadable(provider, fetchedAt, ex));
    }

    private CompletableFuture<OfficialStatus> readFeed(Provider provider, Instant fetchedAt) {
        return get(provider.statusPage().feed()).thenApply((xml) -> FeedParser.parse(provider.slug(), xml, fetchedAt,
                fetchedAt.minus(this.properties.recentIncidents())));
    }

    private CompletableFuture<OfficialStatus> readStatuspage(Provider provider, Instant fetchedAt) {
        URI api = provider.statusPage().api();
        return get(api).thenCompose((json) -> {
            StatuspageParser.Summary summary = StatuspageParser.summary(provider.slug(), json);
            boolean partial = provider.statusPage().kind() == StatusPageKind.INCIDENTIO
                    || provider.components()
                        .stream()
                        .map(Component::officialComponent)
                        .filter(Objects::nonNull)
                        .anyMatch((name) -> !summary.components().containsKey(name));
            CompletableFuture<Map<String, Status>> components = partial
                    ? optional(api.resolve("components.json"), "components.json", StatuspageParser::components)
                    : CompletableFuture.completedFuture(null);
            CompletableFuture<List<OfficialIncident>> recent = optional(api.resolve("incidents.json"),
                    "incidents.json", (bytes) -> StatuspageParser.incidents(provider.slug(), bytes, summary.pageUrl()));
            return components.thenCombine(recent, (all, history) -> merge(provider.slug(), fetchedAt, summary, all,
                    history));
        });
    }

    private OfficialStatus merge(String provider, Instant fetchedAt, StatuspageParser.Summary summary,
            Map<String, Status> allComponents, List<OfficialIncident> history) {
        Map<String, Status> components = new LinkedHashMap<>(summary.components());
        if (allComponents != null) {
            allComponents.forEach(components::putIfAbsent);
        }
        Map<String, OfficialIncident> incidents = new LinkedHashMap<>();
        summary.unresolved().forEach((incident) -> incidents.put(incident.externalId(), incident));
        Instant recentSince = fetchedAt.minus(this.properties.recentIncidents());
        if (history != null) {
            history.stream()
                .filter((incident) -> !incident.resolved() || !incident.createdAt().isBefore(recentSince))
                .forEach((incident) -> incidents.putIfAbsent(incident.externalId(), incident));
        }
        List<OfficialIncident> list = new ArrayList<>(incidents.values());
        list.sort((a, b) -> b.createdAt().compareTo(a.createdAt()));
        return new OfficialStatus(provider, fetchedAt, summary.overall(), summary.description(), components, list,
                null);
    }

    private <T> CompletableFuture<T> optional(URI url, String document, java.util.function.Function<byte[], T> parse) {
        return get(url).thenApply(parse).exceptionally((ex) -> {
            logger.debug("Optional {} at {} not read: {}", document, url, cause(ex).getMessage());
            return null;
        });
    }

    private CompletableFuture<byte[]> get(URI url) {
        Duration timeout = this.properties.officialTimeout();
        HttpRequest request = HttpRequest.newBuilder(url)
            .timeout(timeout)
            .header("User-Agent", this.properties.userAgent())
            .header("Accept", "application/json, application/atom+xml, application/rss+xml, */*;q=0.5")
            .GET()
            .build();
        CappedBody body = new CappedBody(DOCUMENT_LIMIT);
        return this.resolver.resolve(url.getHost())
            .thenCompose((ignored) -> this.client.sendAsync(request, CappedBody.handler(body)))
            .thenApply((HttpResponse<CappedBody.Bytes> response) -> {
                if (response.statusCode() / 100 != 2) {
                    throw new CompletionException(new IllegalStateException("HTTP " + response.statusCode()));
                }
                if (response.body().truncated()) {
                    throw new CompletionException(
                            new IllegalStateException("document larger than " + DOCUMENT_LIMIT + " bytes"));
                }
                return response.body().bytes();
            })
            .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .whenComplete((ignored, ex) -> {
                if (ex != null) {
                    body.abort();
                }
            });
    }

    private OfficialStatus unreadable(Provider provider, Instant fetchedAt, Throwable failure) {
        Throwable cause = cause(failure);
        String error;
        if (cause instanceof TimeoutException) {
            error = "no answer within " + this.properties.officialTimeout().toMillis() + " ms";
        }
        else if (cause instanceof StatuspageParser.MalformedPageException) {
            error = cause.getMessage();
        }
        else {
            ErrorClass errorClass = ProbeClassifier.errorClass(cause);
            error = (cause instanceof IllegalStateException) ? cause.getMessage()
                    : errorClass.name().toLowerCase(Locale.ROOT) + ": " + cause.getMessage();
        }
        logger.debug("Official page of {} unreadable: {}", provider.slug(), error);
        return new OfficialStatus(provider.slug(), fetchedAt, Status.UNKNOWN, null, null, null, error);
    }

    private static Throwable cause(Throwable failure) {
        return HttpProbe.unwrap(failure);
    }

}
