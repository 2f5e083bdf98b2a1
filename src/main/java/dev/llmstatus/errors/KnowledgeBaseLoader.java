package dev.llmstatus.errors;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.YamlFieldReader;
import dev.llmstatus.report.ReportType;
import dev.llmstatus.probe.Outcome;

/**
 * Reads {@code topics/*.yml}, {@code providers/*.yml} and {@code retry-examples.yml} under a location and turns
 * them into a {@link KnowledgeBase}, or fails with one line that names the file, the field and the problem. The
 * trees are walked by hand rather than bound, so that every message can carry the path.
 */
final class KnowledgeBaseLoader {

    static final String DEFAULT_LOCATION = "classpath:errors/";


    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z_]+}");

    private static final Set<String> TOPIC_FIELDS = Set.of("slug", "code", "aliases", "title", "httpStatuses",
            "appliesTo", "reportType", "probeOutcomes", "summary", "meaning", "signatures", "causes", "fixes", "retry",
            "faq");

    private static final Set<String> RETRY_FIELDS = Set.of("helps", "advice");

    private static final Set<String> FAQ_FIELDS = Set.of("q", "a");

    private static final Set<String> OVERLAY_FIELDS = Set.of("provider", "errorFormat", "rateLimitHeaders",
            "identifiers", "topics");

    private static final Set<String> OVERLAY_TOPIC_FIELDS = Set.of("httpStatus", "codes", "signatures", "headers",
            "notes");

    private static final Set<String> EXAMPLE_FIELDS = Set.of("java", "python", "javascript");

    private static final YAMLMapper YAML = YAMLMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

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
            ErrorTopic topic = new FileReader(file).topic();
            claim(owners, topic.slug(), topic, file, "slug");
            topic.aliases().forEach((alias) -> claim(owners, alias, topic, file, "aliases"));
            topics.add(topic);
        }
        Map<String, ErrorTopic> slugs = new LinkedHashMap<>();
        topics.forEach((topic) -> slugs.put(topic.slug(), topic));
        List<ProviderOverlay> overlays = new ArrayList<>();
        for (Resource file : files(resolver, base, "providers/*.yml")) {
            ProviderOverlay overlay = new FileReader(file).overlay(slugs, owners, catalog, requireKnownProviders);
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
        return new KnowledgeBase(topics, overlays, new FileReader(examples).retryExamples(), catalog);
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

    private static void claim(Map<String, String> owners, String key, ErrorTopic topic, Resource file,
            String field) {
        String owner = owners.putIfAbsent(key, topic.slug());
        if (owner != null) {
            String problem = owner.equals(topic.slug()) ? "'" + key + "' is listed twice"
                    : "'" + key + "' is already used by topic '" + owner + "'";
            throw new KnowledgeBaseException("Invalid error knowledge base file " + file.getDescription() + ": "
                    + field + ": duplicate " + (field.equals("slug") ? "slug " : "alias ") + problem);
        }
    }

    private static final class FileReader extends YamlFieldReader {

        private final Resource file;

        private final String name;

        FileReader(Resource file) {
            this.file = file;
            String filename = String.valueOf(file.getFilename());
            this.name = filename.endsWith(".yml") ? filename.substring(0, filename.length() - 4) : filename;
        }

        ErrorTopic topic() {
            JsonNode root = root(TOPIC_FIELDS);
            String slug = text(root, "slug", "", true);
            if (!KEY.matcher(slug).matches()) {
                throw fail("slug", "'" + slug + "' must be lowercase letters, digits and single dashes");
            }
            if (!slug.equals(this.name)) {
                throw fail("slug", "'" + slug + "' does not match the file name '" + this.name + ".yml'");
            }
            List<String> aliases = strings(root, "aliases", "", false);
            for (String alias : aliases) {
                if (!KEY.matcher(alias).matches()) {
                    throw fail("aliases", "'" + alias + "' must be lowercase letters, digits and single dashes");
                }
            }
            String appliesTo = text(root, "appliesTo", "", true);
            if (!appliesTo.equals("all") && !appliesTo.equals("overlay")) {
                throw fail("appliesTo", "'" + appliesTo + "' is not one of all, overlay");
            }
            String reportTypeName = text(root, "reportType", "", true);
            ReportType reportType = Arrays.stream(ReportType.values())
                .filter((type) -> type.name().equals(reportTypeName))
                .findFirst()
                .orElseThrow(() -> fail("reportType", "'" + reportTypeName + "' is not one of "
                        + sorted(Arrays.stream(ReportType.values()).map(Enum::name).toList())));
            Set<Outcome> outcomes = EnumSet.noneOf(Outcome.class);
            for (String outcome : strings(root, "probeOutcomes", "", false)) {
                try {
                    outcomes.add(Outcome.valueOf(outcome));
                }
                catch (IllegalArgumentException ex) {
                    throw fail("probeOutcomes", "'" + outcome + "' is not one of "
                            + sorted(Arrays.stream(Outcome.values()).map(Enum::name).toList()));
                }
            }
            return new ErrorTopic(slug, text(root, "code", "", true), aliases, text(root, "title", "", true),
                    statuses(root, "httpStatuses"), ErrorTopic.AppliesTo.valueOf(appliesTo.toUpperCase(Locale.ROOT)),
                    reportType, outcomes, text(root, "summary", "", true), text(root, "meaning", "", true),
                    strings(root, "signatures", "", true), strings(root, "causes", "", true),
                    strings(root, "fixes", "", true), retry(object(root, "retry", "", true)), faq(root));
        }

        private ErrorTopic.Retry retry(JsonNode node) {
            onlyKnown(node, RETRY_FIELDS, "retry.");
            JsonNode helps = node.get("helps");
            String value = (helps != null && helps.isBoolean()) ? (helps.asBoolean() ? "yes" : "no")
                    : text(node, "helps", "retry.", true);
            ErrorTopic.RetryHelps parsed = switch (value) {
                case "yes" -> ErrorTopic.RetryHelps.YES;
                case "no" -> ErrorTopic.RetryHelps.NO;
                case "sometimes" -> ErrorTopic.RetryHelps.SOMETIMES;
                default -> throw fail("retry.helps", "'" + value + "' is not one of yes, no, sometimes");
            };
            return new ErrorTopic.Retry(parsed, text(node, "advice", "retry.", true));
        }

        private List<ErrorTopic.Question> faq(JsonNode root) {
            JsonNode list = root.get("faq");
            if (list == null || !list.isArray() || list.isEmpty()) {
                throw fail("faq", "missing or empty list");
            }
            List<ErrorTopic.Question> questions = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String path = "faq[" + i + "].";
                JsonNode entry = list.get(i);
                if (!entry.isObject()) {
                    throw fail(path, "must be a mapping with q and a");
                }
                onlyKnown(entry, FAQ_FIELDS, path);
                questions.add(new ErrorTopic.Question(text(entry, "q", path, true), text(entry, "a", path, true)));
            }
            return questions;
        }

        ProviderOverlay overlay(Map<String, ErrorTopic> topics, Map<String, String> aliases, Catalog catalog,
                boolean requireKnownProvider) {
            JsonNode root = root(OVERLAY_FIELDS);
            String provider = text(root, "provider", "", true);
            if (catalog.find(provider).isEmpty() && !requireKnownProvider) {
                return null;
            }
            if (catalog.find(provider).isEmpty()) {
                throw fail("provider", "unknown provider '" + provider + "' (not in the catalog)");
            }
            if (!provider.equals(this.name)) {
                throw fail("provider", "'" + provider + "' does not match the file name '" + this.name + ".yml'");
            }
            JsonNode topicsNode = object(root, "topics", "", true);
            Map<String, ProviderTopic> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : topicsNode.properties()) {
                String slug = entry.getKey();
                String path = "topics." + slug + ".";
                if (!topics.containsKey(slug)) {
                    String owner = aliases.get(slug);
                    throw fail("topics." + slug, (owner != null) ? "'" + slug + "' is an alias; use the slug '"
                            + owner + "'" : "unknown topic '" + slug + "' (expected one of "
                            + sorted(topics.keySet()) + ")");
                }
                JsonNode node = entry.getValue();
                if (!node.isObject()) {
                    throw fail(path, "must be a mapping");
                }
                onlyKnown(node, OVERLAY_TOPIC_FIELDS, path);
                entries.put(slug, new ProviderTopic(status(node, "httpStatus", path),
                        strings(node, "codes", path, false), strings(node, "signatures", path, false),
                        strings(node, "headers", path, false), text(node, "notes", path, false)));
            }
            return new ProviderOverlay(provider, text(root, "errorFormat", "", false),
                    strings(root, "rateLimitHeaders", "", false), strings(root, "identifiers", "", false), entries);
        }

        RetryExamples retryExamples() {
            JsonNode root = root(EXAMPLE_FIELDS);
            return new RetryExamples(code(root, "java", true), code(root, "python", true),
                    code(root, "javascript", false));
        }

        private JsonNode root(Set<String> fields) {
            JsonNode root;
            try (InputStream in = this.file.getInputStream()) {
                root = YAML.readTree(in);
            }
            catch (IOException ex) {
                throw new KnowledgeBaseException("Cannot read error knowledge base file " + this.file.getDescription()
                        + ": " + ex.getMessage(), ex);
            }
            catch (JacksonException ex) {
                throw new KnowledgeBaseException("Error knowledge base file " + this.file.getDescription()
                        + " is not valid YAML: " + ex.getOriginalMessage().replaceAll("\\s+", " "), ex);
            }
            if (root == null || !root.isObject()) {
                throw fail("", "the file must be a mapping");
            }
            onlyKnown(root, fields, "");
            return root;
        }

        private String code(JsonNode node, String field, boolean required) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull() || !value.isString() || value.asString().isBlank()) {
                if (required) {
                    throw fail(field, "missing");
                }
                return null;
            }
            return value.asString();
        }

        private List<String> strings(JsonNode node, String field, String path, boolean required) {
            JsonNode list = node.get(field);
            if (list == null || list.isNull() || (list.isArray() && list.isEmpty())) {
                if (required) {
                    throw fail(path + field, "missing or empty list");
                }
                return List.of();
            }
            if (!list.isArray()) {
                throw fail(path + field, "must be a list");
            }
            List<String> values = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isValueNode() || item.isNull() || item.isBoolean() || item.asString().isBlank()) {
                    throw fail(path + field + "[" + i + "]", "must be non-empty text");
                }
                String value = checkText(item.asString().strip(), path + field + "[" + i + "]");
                if (!seen.add(value.toLowerCase(Locale.ROOT))) {
                    throw fail(path + field, "duplicate entry '" + value + "'");
                }
                values.add(value);
            }
            return values;
        }

        private List<Integer> statuses(JsonNode node, String field) {
            JsonNode list = node.get(field);
            if (list == null || list.isNull()) {
                return List.of();
            }
            if (!list.isArray()) {
                throw fail(field, "must be a list of HTTP statuses");
            }
            List<Integer> values = new ArrayList<>();
            for (JsonNode status : list) {
                values.add(httpStatus(status, field));
            }
            return values;
        }

        private Integer status(JsonNode node, String field, String path) {
            JsonNode value = node.get(field);
            return (value == null || value.isNull()) ? null : httpStatus(value, path + field);
        }

        private int httpStatus(JsonNode value, String field) {
            if (!value.isInt() || value.asInt() < 100 || value.asInt() > 599) {
                throw fail(field, "'" + value.asString() + "' is not an HTTP status (100-599)");
            }
            return value.asInt();
        }

        @Override
        protected String checkText(String text, String field) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!placeholder.group().equals("{provider}")) {
                    throw fail(field,
                            "unknown placeholder '" + placeholder.group() + "' (only {provider} is replaced)");
                }
            }
            return text;
        }

        @Override
        protected KnowledgeBaseException fail(String field, String problem) {
            StringBuilder message = new StringBuilder("Invalid error knowledge base file ")
                .append(this.file.getDescription())
                .append(": ");
            if (!field.isEmpty()) {
                message.append(fieldName(field)).append(": ");
            }
            return new KnowledgeBaseException(message.append(problem).toString());
        }

    }

    private static String sorted(Collection<String> values) {
        return String.join(", ", new TreeSet<>(values));
    }

}
