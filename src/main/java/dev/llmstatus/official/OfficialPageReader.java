package dev.llmstatus.official;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import javax.net.ssl.SSLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.Component;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.catalog.StatusPageKind;
import dev.llmstatus.catalog.StatusPageSource;

/**
 * Reads providers' official status pages: the Statuspage v2 {@code summary.json} (Atlassian Statuspage and
 * incident.io), with {@code components.json} next to it when the summary's components are a partial or rotating
 * subset (always on incident.io, and whenever a catalog component's official name is missing from the summary),
 * {@code incidents.json} for recently resolved incidents and {@code scheduled-maintenances.json} for maintenances
 * (kept to the provider's components in {@code filter} on a page shared with other companies);
 * a Flashduty, Better Stack, Instatus or Rootly page; Meta's status JSON; the Google Cloud or AWS Health dashboard,
 * kept to the provider's products; or an RSS/Atom feed. A page that cannot be read is {@link OfficialLevel#UNKNOWN}
 * with the platform and the reason in {@code error}, never operational.
 */
final class OfficialPageReader {

    private static final Logger logger = LoggerFactory.getLogger(OfficialPageReader.class);

    private static final int DOCUMENT_LIMIT = 4 * 1024 * 1024;

    private final HttpClient client;

    private final String userAgent;

    private final Duration timeout;

    private final Duration recentIncidents;

    private final Clock clock;

    OfficialPageReader(HttpClient client, String userAgent, Duration timeout, Duration recentIncidents, Clock clock) {
        this.client = client;
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.recentIncidents = recentIncidents;
        this.clock = clock;
    }

    /** Reads every official page of the catalog at once; each reading has its own deadline. */
    List<OfficialStatus> readAll(Catalog catalog) {
        List<CompletableFuture<OfficialStatus>> readings = catalog.providers()
            .stream()
            .filter((provider) -> provider.statusPage().kind() != StatusPageKind.NONE)
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
            reading = switch (page.kind()) {
                case STATUSPAGE, INCIDENTIO -> readStatuspage(provider, fetchedAt);
                case FLASHDUTY -> get(page.api()).thenApply((json) -> FlashdutyParser.parse(provider.slug(), json,
                        page.url(), fetchedAt, fetchedAt.minus(this.recentIncidents)));
                case FEED -> get(page.feed()).thenApply((xml) -> FeedParser.parse(provider.slug(), xml, fetchedAt,
                        fetchedAt.minus(this.recentIncidents)));
                case BETTERSTACK -> get(page.api()).thenApply((json) -> BetterStackParser.parse(provider.slug(), json,
                        page.url(), fetchedAt, fetchedAt.minus(this.recentIncidents)));
                case INSTATUS -> readInstatus(provider, fetchedAt);
                case ROOTLY -> get(page.api())
                    .thenApply((json) -> RootlyParser.parse(provider.slug(), json, fetchedAt));
                case META_STATUS -> get(page.api())
                    .thenApply((json) -> MetaStatusParser.parse(provider.slug(), json, fetchedAt));
                case GOOGLE_CLOUD -> get(page.api()).thenApply((json) -> GoogleCloudParser.parse(provider.slug(), json,
                        page.filter(), page.api(), fetchedAt, fetchedAt.minus(this.recentIncidents)));
                case AWS_HEALTH -> get(page.api()).thenApply((body) -> AwsHealthParser.parse(provider.slug(), body,
                        page.filter(), fetchedAt, fetchedAt.minus(this.recentIncidents)));
                case NONE -> CompletableFuture.completedFuture(OfficialStatus.unreadable(provider.slug(), fetchedAt,
                        where(page) + " has no machine-readable status page we can read"));
            };
        }
        catch (RuntimeException ex) {
            reading = CompletableFuture.failedFuture(ex);
        }
        return reading.orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS)
            .exceptionally((ex) -> unreadable(provider, fetchedAt, ex));
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
                        .anyMatch((name) -> !summary.names(name))
                    || provider.statusPage().filter().stream().anyMatch((name) -> !summary.names(name));
            CompletableFuture<List<OfficialComponent>> components = partial
                    ? optional(api.resolve("components.json"), "components.json", StatuspageParser::components)
                    : CompletableFuture.completedFuture(null);
            CompletableFuture<List<OfficialIncident>> recent = optional(api.resolve("incidents.json"),
                    "incidents.json", (bytes) -> StatuspageParser.incidents(provider.slug(), bytes, summary.pageUrl()));
            CompletableFuture<List<OfficialIncident>> maintenances = optional(
                    api.resolve("scheduled-maintenances.json"), "scheduled-maintenances.json",
                    (bytes) -> StatuspageParser.maintenances(provider.slug(), bytes, summary.pageUrl()));
            List<String> ours = provider.statusPage().filter();
            return CompletableFuture.allOf(components, recent, maintenances).thenApply((ignored) -> {
                OfficialStatus page = merge(provider.slug(), fetchedAt, summary, components.join(), recent.join(),
                        maintenances.join());
                return ours.isEmpty() ? page : StatuspageParser.keptTo(page, ours);
            });
        });
    }

    /** Instatus: the summary, with the components next to it when they can be read. */
    private CompletableFuture<OfficialStatus> readInstatus(Provider provider, Instant fetchedAt) {
        URI api = provider.statusPage().api();
        CompletableFuture<byte[]> components = optional(api.resolve("v3/components.json"), "components.json",
                Function.identity());
        return get(api).thenCombine(components,
                (summary, parts) -> InstatusParser.parse(provider.slug(), summary, parts, fetchedAt));
    }

    private OfficialStatus merge(String provider, Instant fetchedAt, StatuspageParser.Summary summary,
            List<OfficialComponent> allComponents, List<OfficialIncident> history,
            List<OfficialIncident> allMaintenances) {
        Map<String, OfficialComponent> components = new LinkedHashMap<>();
        summary.components().forEach((component) -> components.put(component.name(), component));
        if (allComponents != null) {
            allComponents.forEach((component) -> components.putIfAbsent(component.name(), component));
        }
        Instant recentSince = fetchedAt.minus(this.recentIncidents);
        Map<String, OfficialIncident> incidents = new LinkedHashMap<>();
        summary.unresolved().forEach((incident) -> incidents.put(incident.externalId(), incident));
        if (history != null) {
            history.stream()
                .filter((incident) -> !incident.resolved() || !incident.createdAt().isBefore(recentSince))
                .forEach((incident) -> incidents.putIfAbsent(incident.externalId(), incident));
        }
        List<OfficialIncident> list = new ArrayList<>(incidents.values());
        list.sort(Comparator.comparing(OfficialIncident::createdAt).reversed());
        Map<String, OfficialIncident> maintenances = new LinkedHashMap<>();
        summary.maintenances().forEach((maintenance) -> maintenances.put(maintenance.externalId(), maintenance));
        if (allMaintenances != null) {
            allMaintenances.stream()
                .filter((maintenance) -> !maintenance.resolved() || !maintenance.resolvedAt().isBefore(recentSince))
                .forEach((maintenance) -> maintenances.putIfAbsent(maintenance.externalId(), maintenance));
        }
        List<OfficialIncident> windows = new ArrayList<>(maintenances.values());
        windows.sort(Comparator.comparing(
                (OfficialIncident m) -> (m.scheduledFor() != null) ? m.scheduledFor() : m.createdAt()));
        return new OfficialStatus(provider, fetchedAt, summary.overall(), summary.description(),
                List.copyOf(components.values()), list, windows, null);
    }

    private <T> CompletableFuture<T> optional(URI url, String document, Function<byte[], T> parse) {
        return get(url).thenApply(parse).exceptionally((ex) -> {
            logger.debug("Optional {} at {} not read: {}", document, url, unwrap(ex).getMessage());
            return null;
        });
    }

    private CompletableFuture<byte[]> get(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url)
            .timeout(this.timeout)
            .header("User-Agent", this.userAgent)
            .header("Accept", "application/json, application/atom+xml, application/rss+xml, */*;q=0.5")
            .GET()
            .build();
        return this.client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
            .thenApply((HttpResponse<InputStream> response) -> {
                try (InputStream body = response.body()) {
                    if (response.statusCode() / 100 != 2) {
                        throw new CompletionException(new IllegalStateException("HTTP " + response.statusCode()));
                    }
                    byte[] bytes = body.readNBytes(DOCUMENT_LIMIT + 1);
                    if (bytes.length > DOCUMENT_LIMIT) {
                        throw new CompletionException(
                                new IllegalStateException("document larger than " + DOCUMENT_LIMIT + " bytes"));
                    }
                    return bytes;
                }
                catch (IOException ex) {
                    throw new CompletionException(ex);
                }
            })
            .orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private OfficialStatus unreadable(Provider provider, Instant fetchedAt, Throwable failure) {
        Throwable cause = unwrap(failure);
        String why;
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            why = (cause instanceof HttpConnectTimeoutException) ? "could not connect within the timeout"
                    : "no answer within " + this.timeout.toMillis() + " ms";
        }
        else if (cause instanceof MalformedPageException || cause instanceof IllegalStateException) {
            why = cause.getMessage();
        }
        else if (cause instanceof UnknownHostException || cause.getCause() instanceof UnknownHostException
                || cause.getCause() instanceof UnresolvedAddressException) {
            why = "its host name does not resolve";
        }
        else if (cause instanceof ConnectException) {
            why = "connection refused or unreachable";
        }
        else if (cause instanceof SSLException) {
            why = "TLS failed: " + cause.getMessage();
        }
        else {
            why = cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
        }
        String error = where(provider.statusPage()) + " (" + provider.statusPage().kind().platform() + "): " + why;
        logger.debug("Official page of {} unreadable: {}", provider.slug(), error);
        return OfficialStatus.unreadable(provider.slug(), fetchedAt, error);
    }

    /** The page's host, as people know it. */
    private static String where(StatusPageSource page) {
        URI shown = (page.url() != null) ? page.url() : (page.api() != null) ? page.api() : page.feed();
        return (shown != null && shown.getHost() != null) ? shown.getHost() : "the official page";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

}
