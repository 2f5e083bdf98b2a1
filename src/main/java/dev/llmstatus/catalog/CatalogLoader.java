package dev.llmstatus.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the catalog YAML and turns it into a {@link Catalog}, or fails with one line that names the provider, the
 * field and the problem. The tree is walked by hand rather than bound, so that every message can carry the path.
 */
public final class CatalogLoader {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST");

    private static final Set<String> ROOT_FIELDS = Set.of("defaults", "providers");

    private static final Set<String> DEFAULT_FIELDS = Set.of("interval", "timeout", "latencyThreshold");

    private static final Set<String> PROVIDER_FIELDS = Set.of("slug", "name", "website", "apiBaseUrl", "docs",
            "statusPage", "components");

    private static final Set<String> DOCS_FIELDS = Set.of("errors", "rateLimits", "console");

    private static final Set<String> STATUS_PAGE_FIELDS = Set.of("kind", "url", "api", "feed");

    private static final Set<String> COMPONENT_FIELDS = Set.of("key", "name", "officialComponent", "probe");

    private static final Set<String> PROBE_FIELDS = Set.of("method", "url", "expect", "latencyThreshold", "timeout",
            "interval");

    private CatalogLoader() {
    }

    public static Catalog load(Resource resource) {
        String source = resource.getDescription();
        try (InputStream in = resource.getInputStream()) {
            JsonNode root = YAMLMapper.builder().build().readTree(in);
            return new Reader(source).catalog(root);
        }
        catch (IOException ex) {
            throw new CatalogException("Cannot read catalog " + source + ": " + ex.getMessage(), ex);
        }
        catch (JacksonException ex) {
            throw new CatalogException("Catalog " + source + " is not valid YAML: " + ex.getOriginalMessage(), ex);
        }
    }

    private static final class Reader extends YamlFieldReader {

        private final String source;

        private String where = "";

        private Duration defaultInterval = Duration.ofSeconds(60);

        private Duration defaultTimeout = Duration.ofSeconds(10);

        private Duration defaultLatencyThreshold = Duration.ofSeconds(3);

        Reader(String source) {
            this.source = source;
        }

        Catalog catalog(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw fail("", "the file must be a mapping with 'providers'");
            }
            onlyKnown(root, ROOT_FIELDS, "");
            JsonNode defaults = root.get("defaults");
            if (defaults != null) {
                onlyKnown(defaults, DEFAULT_FIELDS, "defaults.");
                this.defaultInterval = duration(defaults, "interval", "defaults.", this.defaultInterval);
                this.defaultTimeout = duration(defaults, "timeout", "defaults.", this.defaultTimeout);
                this.defaultLatencyThreshold = duration(defaults, "latencyThreshold", "defaults.",
                        this.defaultLatencyThreshold);
            }
            JsonNode list = root.get("providers");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw fail("providers", "missing or empty list");
            }
            List<Provider> providers = new ArrayList<>();
            Set<String> slugs = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                this.where = "provider #" + (i + 1) + describe(node);
                if (!node.isObject()) {
                    throw fail("", "must be a mapping");
                }
                String slug = text(node, "slug", "", true);
                this.where = "provider '" + slug + "'";
                if (!KEY.matcher(slug).matches()) {
                    throw fail("slug", "'" + slug + "' must be lowercase letters, digits and single dashes");
                }
                if (!slugs.add(slug)) {
                    throw fail("slug", "duplicate slug '" + slug + "'");
                }
                providers.add(provider(node, slug));
            }
            return new Catalog(providers);
        }

        private static String describe(JsonNode node) {
            JsonNode name = node.get("name");
            return (name != null && name.isString()) ? " (name '" + name.asString() + "')" : "";
        }

        private Provider provider(JsonNode node, String slug) {
            onlyKnown(node, PROVIDER_FIELDS, "");
            String name = text(node, "name", "", true);
            URI website = url(node, "website", "", true);
            URI apiBaseUrl = url(node, "apiBaseUrl", "", true);
            JsonNode docsNode = object(node, "docs", "", true);
            onlyKnown(docsNode, DOCS_FIELDS, "docs.");
            Docs docs = new Docs(url(docsNode, "errors", "docs.", true), url(docsNode, "rateLimits", "docs.", false),
                    url(docsNode, "console", "docs.", false));
            StatusPageSource statusPage = statusPage(object(node, "statusPage", "", false));
            JsonNode list = node.get("components");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw fail("components", "missing or empty list");
            }
            List<Component> components = new ArrayList<>();
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "components[" + i + "].";
                JsonNode component = list.get(i);
                if (!component.isObject()) {
                    throw fail(path, "must be a mapping");
                }
                onlyKnown(component, COMPONENT_FIELDS, path);
                String key = text(component, "key", path, true);
                if (!KEY.matcher(key).matches()) {
                    throw fail(path + "key", "'" + key + "' must be lowercase letters, digits and single dashes");
                }
                if (!keys.add(key)) {
                    throw fail(path + "key", "duplicate component key '" + key + "'");
                }
                components.add(new Component(key, text(component, "name", path, true),
                        text(component, "officialComponent", path, false),
                        probe(object(component, "probe", path, true), path + "probe.")));
            }
            return new Provider(slug, name, website, apiBaseUrl, docs, statusPage, components);
        }

        private StatusPageSource statusPage(JsonNode node) {
            if (node == null) {
                return StatusPageSource.NONE;
            }
            String path = "statusPage.";
            onlyKnown(node, STATUS_PAGE_FIELDS, path);
            String kindText = text(node, "kind", path, true);
            StatusPageKind kind;
            try {
                kind = StatusPageKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                throw fail(path + "kind", "unknown kind '" + kindText + "' (expected statuspage, incidentio, flashduty, feed or none)");
            }
            boolean needsApi = kind.readsApi();
            URI url = url(node, "url", path, kind != StatusPageKind.NONE);
            URI api = url(node, "api", path, needsApi);
            URI feed = url(node, "feed", path, kind == StatusPageKind.FEED);
            return new StatusPageSource(kind, url, api, feed);
        }

        private ProbeDefinition probe(JsonNode node, String path) {
            onlyKnown(node, PROBE_FIELDS, path);
            String method = text(node, "method", path, false);
            method = (method != null) ? method.toUpperCase(Locale.ROOT) : "GET";
            if (!METHODS.contains(method)) {
                throw fail(path + "method", "unsupported method '" + method + "' (expected GET, HEAD or POST)");
            }
            URI url = url(node, "url", path, true);
            JsonNode expectNode = node.get("expect");
            if (expectNode == null || !expectNode.isArray() || expectNode.isEmpty()) {
                throw fail(path + "expect", "missing or empty list of HTTP statuses");
            }
            Set<Integer> expect = new LinkedHashSet<>();
            for (JsonNode status : expectNode) {
                if (!status.isInt() || status.asInt() < 100 || status.asInt() > 599) {
                    throw fail(path + "expect", "'" + status.asString() + "' is not an HTTP status (100-599)");
                }
                expect.add(status.asInt());
            }
            Duration latencyThreshold = duration(node, "latencyThreshold", path, this.defaultLatencyThreshold);
            Duration timeout = duration(node, "timeout", path, this.defaultTimeout);
            Duration interval = duration(node, "interval", path, this.defaultInterval);
            if (latencyThreshold.compareTo(timeout) >= 0) {
                throw fail(path + "latencyThreshold", "must be shorter than the timeout (" + timeout + ")");
            }
            if (timeout.compareTo(interval) > 0) {
                throw fail(path + "timeout", "must not be longer than the interval (" + interval + ")");
            }
            return new ProbeDefinition(method, url, expect, latencyThreshold, timeout, interval);
        }

        private URI url(JsonNode node, String field, String path, boolean required) {
            String text = text(node, field, path, required);
            if (text == null) {
                return null;
            }
            try {
                URI uri = new URI(text);
                String scheme = uri.getScheme();
                if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                    throw fail(path + field, "malformed URL '" + text + "' (expected an absolute http or https URL)");
                }
                return uri;
            }
            catch (URISyntaxException ex) {
                throw fail(path + field, "malformed URL '" + text + "' (" + ex.getReason() + ")");
            }
        }

        private Duration duration(JsonNode node, String field, String path, Duration fallback) {
            String text = text(node, field, path, false);
            if (text == null) {
                return fallback;
            }
            Duration value;
            try {
                value = DurationStyle.detectAndParse(text);
            }
            catch (IllegalArgumentException ex) {
                throw fail(path + field, "'" + text + "' is not a duration (examples: 500ms, 10s, 2m)");
            }
            if (value.isNegative() || value.isZero()) {
                throw fail(path + field, "must be positive");
            }
            return value;
        }

        @Override
        protected CatalogException fail(String field, String problem) {
            StringBuilder message = new StringBuilder("Invalid catalog ").append(this.source).append(": ");
            if (!this.where.isEmpty()) {
                message.append(this.where).append(": ");
            }
            if (!field.isEmpty()) {
                message.append(fieldName(field)).append(": ");
            }
            return new CatalogException(message.append(problem).toString());
        }

    }

}
