package dev.llmstatus.errors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.system.YamlDocument;
import dev.llmstatus.system.YamlProblem;

/**
 * Reads {@code topics/*.yml}, {@code providers/*.yml} and {@code retry-examples.yml} under a location into a
 * {@link KnowledgeBase}, or fails with one line that names the file, the field and the problem. Each file binds to
 * its record ({@link ErrorTopic}, {@link ProviderOverlay}, {@link RetryTemplates}); Bean Validation checks each field,
 * and this class what spans files: names, aliases, and overlays against topics and the catalog.
 */
final class KnowledgeBaseLoader {

    static final String DEFAULT_LOCATION = "classpath:errors/";

    /** Slugs and aliases: lowercase letters, digits and single dashes. */
    static final String KEY = "[a-z0-9]+(-[a-z0-9]+)*";

    static final String KEY_RULE = "must be lowercase letters, digits and single dashes";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z_]+}");

    private static final Set<String> RETRY_PLACEHOLDERS = Set.of("{request}", "{url}", "{model}", "{keyVariable}",
            "{keyHeader}", "{keyPrefix}");

    /** Where a text may point to the official status page: items a page can leave out. */
    private static final Pattern DROPPABLE = Pattern.compile("(causes|fixes)\\[\\d+]|faq\\[\\d+]\\.a");

    private KnowledgeBaseLoader() {
    }

    /**
     * Loads the knowledge base under {@code location} (for example {@code classpath:errors/} or
     * {@code file:/path/errors/}), checking overlays against the catalog. With {@code requireKnownProviders} an
     * overlay for a provider the catalog lacks is an error (the bundled catalog must cover every overlay); without
     * it, as with an operator's own smaller catalog, such overlays are skipped.
     */
    static KnowledgeBase load(String location, Catalog catalog, boolean requireKnownProviders) {
        String base = location.endsWith("/") ? location : location + "/";
        ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> topicFiles = files(resolver, base, "topics/*.yml");
        if (topicFiles.isEmpty()) {
            throw new KnowledgeBaseException(
                    "Invalid error knowledge base " + base + ": no topic files (topics/*.yml)");
        }
        List<ErrorTopic> topics = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (Resource file : topicFiles) {
            topics.add(read(file, (document) -> topic(document, name(file), owners)));
        }
        Map<String, ErrorTopic> slugs = new LinkedHashMap<>();
        topics.forEach((topic) -> slugs.put(topic.slug(), topic));
        List<ProviderOverlay> overlays = new ArrayList<>();
        for (Resource file : files(resolver, base, "providers/*.yml")) {
            ProviderOverlay overlay = read(file, (document) -> overlay(document, name(file), slugs, owners, catalog,
                    requireKnownProviders));
            if (overlay != null) {
                overlays.add(overlay);
            }
        }
        for (ErrorTopic topic : topics) {
            if (requireKnownProviders && topic.appliesTo() == ErrorTopic.AppliesTo.OVERLAY
                    && overlays.stream().noneMatch((overlay) -> overlay.topic(topic.slug()).isPresent())) {
                throw new KnowledgeBaseException("Invalid error knowledge base " + base + "topics/" + topic.slug()
                        + ".yml: appliesTo: 'overlay' but no provider overlay lists '" + topic.slug() + "'");
            }
        }
        Resource examples = resolver.getResource(base + "retry-examples.yml");
        if (!examples.exists()) {
            throw new KnowledgeBaseException(
                    "Invalid error knowledge base " + base + ": retry-examples.yml is missing");
        }
        return new KnowledgeBase(topics, overlays, read(examples, KnowledgeBaseLoader::retryTemplates), catalog);
    }

    private static ErrorTopic topic(YamlDocument document, String fileName, Map<String, String> owners) {
        ErrorTopic topic = bindTexts(document, ErrorTopic.class);
        if (!topic.slug().equals(fileName)) {
            throw document.problem("'" + topic.slug() + "' does not match the file name '" + fileName + ".yml'",
                    "slug");
        }
        claim(document, owners, topic.slug(), topic, "slug");
        for (int i = 0; i < topic.aliases().size(); i++) {
            claim(document, owners, topic.aliases().get(i), topic, "aliases", i);
        }
        return topic;
    }

    private static void claim(YamlDocument document, Map<String, String> owners, String key, ErrorTopic topic,
            Object... path) {
        String owner = owners.putIfAbsent(key, topic.slug());
        if (owner != null) {
            throw document.problem("duplicate " + (path.length == 1 ? "slug" : "alias") + " '" + key
                    + "' is already used by topic '" + owner + "'", path);
        }
    }

    /** The overlay, or {@code null} when its provider is missing from a catalog that need not cover it. */
    private static ProviderOverlay overlay(YamlDocument document, String fileName, Map<String, ErrorTopic> topics,
            Map<String, String> aliases, Catalog catalog, boolean requireKnownProvider) {
        ProviderOverlay overlay = bindTexts(document, ProviderOverlay.class);
        if (catalog.find(overlay.provider()).isEmpty()) {
            if (!requireKnownProvider) {
                return null;
            }
            throw document.problem("unknown provider '" + overlay.provider() + "' (not in the catalog)", "provider");
        }
        if (!overlay.provider().equals(fileName)) {
            throw document.problem("'" + overlay.provider() + "' does not match the file name '" + fileName
                    + ".yml'", "provider");
        }
        for (String slug : overlay.topics().keySet()) {
            if (!topics.containsKey(slug)) {
                String owner = aliases.get(slug);
                throw document.problem((owner != null) ? "'" + slug + "' is an alias; use the slug '" + owner + "'"
                        : "unknown topic '" + slug + "' (expected one of " + sorted(topics.keySet()) + ")",
                        "topics", slug);
            }
        }
        return overlay;
    }

    /**
     * Binds and validates a file whose texts may use {@code {provider}} anywhere and {@code {statusPage}} only in
     * causes, fixes and FAQ answers, which a page leaves out for a provider without an official status page.
     */
    private static <T> T bindTexts(YamlDocument document, Class<T> type) {
        T value = document.bindValid(type);
        document.checkTexts((path, text) -> {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                String found = placeholder.group();
                if (found.equals(ProviderErrorPage.STATUS_PAGE) && !DROPPABLE.matcher(path).matches()) {
                    return "'" + found + "' may only stand in causes, fixes and FAQ answers, which are left out "
                            + "for providers without a status page";
                }
                if (!found.equals("{provider}") && !found.equals(ProviderErrorPage.STATUS_PAGE)) {
                    return "unknown placeholder '" + found + "' (only {provider} and {statusPage} are replaced)";
                }
            }
            return null;
        });
        return value;
    }

    private static RetryTemplates retryTemplates(YamlDocument document) {
        RetryTemplates templates = document.bindValid(RetryTemplates.class);
        document.checkTexts((path, text) -> {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!RETRY_PLACEHOLDERS.contains(placeholder.group())) {
                    return "unknown placeholder '" + placeholder.group() + "' (expected one of "
                            + sorted(RETRY_PLACEHOLDERS) + ")";
                }
            }
            return null;
        });
        return templates;
    }

    private static <T> T read(Resource file, Function<YamlDocument, T> binder) {
        try {
            return binder.apply(YamlDocument.read(file));
        }
        catch (YamlProblem ex) {
            throw new KnowledgeBaseException("Invalid error knowledge base file " + file.getDescription() + ": "
                    + ex.getMessage(), ex);
        }
    }

    private static String name(Resource file) {
        String filename = String.valueOf(file.getFilename());
        return filename.endsWith(".yml") ? filename.substring(0, filename.length() - 4) : filename;
    }

    private static List<Resource> files(ResourcePatternResolver resolver, String base, String pattern) {
        try {
            return Arrays.stream(resolver.getResources(base + pattern))
                .sorted(Comparator.comparing((Resource resource) -> String.valueOf(resource.getFilename())))
                .toList();
        }
        catch (IOException ex) {
            return List.of();
        }
    }

    private static String sorted(Collection<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

}
