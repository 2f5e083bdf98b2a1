package dev.llmstatus.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.EnumNamingStrategies;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.Resource;

/**
 * A YAML configuration file (the catalog, a knowledge base file) bound to records with Jackson and checked with Bean
 * Validation. Whatever is wrong (broken YAML, a duplicate or unknown key, a wrong type, a violated constraint) ends as
 * one {@link YamlProblem} naming the field by its path, so that start-up can stop with a single clear line.
 * <p>
 * Enums are written in kebab case ({@code openai-chat} for {@code OPENAI_CHAT}) and durations as Spring Boot writes
 * them ({@code 500ms}, {@code 10s}, {@code 2m}).
 */
public final class YamlDocument {

    /** Fields that name a list entry in a path, in order of preference. */
    private static final List<String> ENTRY_NAMES = List.of("slug", "key", "id");

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .changeDefaultNullHandling((nulls) -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
        .enumNamingStrategy(EnumNamingStrategies.KebabCaseStrategy.INSTANCE)
        .addModule(new SimpleModule("spring-durations").addDeserializer(Duration.class, new DurationDeserializer()))
        .build();

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private final JsonNode root;

    private YamlDocument(JsonNode root) {
        this.root = root;
    }

    /**
     * Parses the file.
     * @throws YamlProblem when it cannot be read, is not valid YAML or is not a mapping
     */
    public static YamlDocument read(Resource resource) {
        JsonNode root;
        try (InputStream in = resource.getInputStream()) {
            root = MAPPER.readTree(in);
        }
        catch (IOException ex) {
            throw new YamlProblem("", "cannot be read (" + ex.getMessage() + ")", ex);
        }
        catch (JacksonException ex) {
            throw new YamlProblem("", "is not valid YAML: " + oneLine(ex.getOriginalMessage()), ex);
        }
        if (root == null || !root.isObject()) {
            throw new YamlProblem("", "must be a mapping of fields", null);
        }
        return new YamlDocument(root);
    }

    /**
     * Binds the whole document to {@code type} without validating it, so that the caller can fill in defaults first.
     * @throws YamlProblem for an unknown field or a value of the wrong type
     */
    public <T> T bind(Class<T> type) {
        try {
            return MAPPER.treeToValue(this.root, type);
        }
        catch (JacksonException ex) {
            throw new YamlProblem(label(steps(ex)), problem(ex), ex);
        }
    }

    /**
     * Checks {@code value}, bound from this document, against its Bean Validation constraints.
     * @throws YamlProblem for the first violation in path order
     */
    public void validate(Object value) {
        Optional<ConstraintViolation<Object>> first = VALIDATOR.validate(value)
            .stream()
            .min(Comparator.comparing((ConstraintViolation<Object> violation) -> violation.getPropertyPath().toString())
                .thenComparing((violation) -> !isPresence(violation)));
        first.ifPresent((violation) -> {
            throw new YamlProblem(label(steps(violation.getPropertyPath())), problem(violation), null);
        });
    }

    /** Binds and validates in one step, for files without defaults to fill in. */
    public <T> T bindValid(Class<T> type) {
        T value = bind(type);
        validate(value);
        return value;
    }

    /**
     * A problem found by the caller's own checks (duplicates across entries, fields that depend on each other).
     * @param path property names and list indexes, as in {@code "providers", 3, "slug"}
     */
    public YamlProblem problem(String problem, Object... path) {
        return new YamlProblem(label(List.of(path)), problem, null);
    }

    /**
     * Runs {@code check} over every text value in the document, in order.
     * @param check given the text's path (as in messages) and the text, its problem, or {@code null} when it is fine
     * @throws YamlProblem for the first text with a problem
     */
    public void checkTexts(BiFunction<String, String, String> check) {
        checkTexts(this.root, new ArrayList<>(), check);
    }

    private void checkTexts(JsonNode node, List<Object> path, BiFunction<String, String, String> check) {
        if (node.isString()) {
            String problem = check.apply(label(path), node.asString());
            if (problem != null) {
                throw new YamlProblem(label(path), problem, null);
            }
        }
        else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                path.add(i);
                checkTexts(node.get(i), path, check);
                path.remove(path.size() - 1);
            }
        }
        else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                path.add(property.getKey());
                checkTexts(property.getValue(), path, check);
                path.remove(path.size() - 1);
            }
        }
    }

    /** Writes a path of names and indexes, naming each list entry by its slug, key or id when it has one. */
    private String label(List<Object> path) {
        StringBuilder out = new StringBuilder();
        JsonNode node = this.root;
        for (Object step : path) {
            if (step instanceof Integer index) {
                node = (node != null) ? node.get(index) : null;
                out.append('[').append(entryName(node, index)).append(']');
            }
            else {
                String name = String.valueOf(step);
                node = (node != null) ? node.get(name) : null;
                out.append(out.isEmpty() ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    private static String entryName(JsonNode entry, int index) {
        if (entry == null || !entry.isObject()) {
            return String.valueOf(index);
        }
        for (String field : ENTRY_NAMES) {
            JsonNode value = entry.get(field);
            if (value != null && value.isValueNode() && !value.isNull() && !value.asString().isBlank()) {
                return value.asString().strip();
            }
        }
        JsonNode name = entry.get("name");
        return (name != null && name.isString()) ? index + ", name '" + name.asString() + "'" : String.valueOf(index);
    }

    private static List<Object> steps(JacksonException ex) {
        List<Object> steps = new ArrayList<>();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                steps.add(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                steps.add(reference.getIndex());
            }
        }
        return steps;
    }

    private static List<Object> steps(Path path) {
        List<Object> steps = new ArrayList<>();
        for (Path.Node node : path) {
            if (node.isInIterable() && node.getIndex() != null) {
                steps.add(node.getIndex());
            }
            else if (node.isInIterable() && node.getKey() != null) {
                steps.add(String.valueOf(node.getKey()));
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                steps.add(node.getName());
            }
        }
        return steps;
    }

    private static String problem(ConstraintViolation<?> violation) {
        Object value = violation.getInvalidValue();
        boolean presence = isPresence(violation);
        if (presence && value instanceof Collection<?> collection && collection.isEmpty()) {
            return "missing or empty list";
        }
        if (presence && (value == null || value instanceof Map<?, ?> || value.toString().isBlank())) {
            return "missing";
        }
        if (value instanceof Duration duration) {
            return "'" + text(duration) + "' " + violation.getMessage();
        }
        // a value is quoted only when it fits on the one line the problem is reported on
        boolean quoted = (value instanceof CharSequence text && text.length() <= 120 && text.chars()
            .noneMatch((c) -> c == '\n' || c == '\r')) || value instanceof Number || value instanceof URI
                || value instanceof Enum<?>;
        return quoted ? "'" + value + "' " + violation.getMessage() : violation.getMessage();
    }

    /** Whether the violated constraint asks for a value at all; "missing" says more than what a value must be. */
    private static boolean isPresence(ConstraintViolation<?> violation) {
        Class<?> constraint = violation.getConstraintDescriptor().getAnnotation().annotationType();
        return constraint == NotNull.class || constraint == NotBlank.class || constraint == NotEmpty.class;
    }

    private static String problem(JacksonException ex) {
        if (ex instanceof UnrecognizedPropertyException unknown) {
            return "unknown field (expected one of " + unknown.getKnownPropertyIds()
                .stream()
                .map(String::valueOf)
                .collect(Collectors.toCollection(TreeSet::new))
                .stream()
                .collect(Collectors.joining(", ")) + ")";
        }
        if (ex instanceof InvalidNullException) {
            return "missing";
        }
        if (ex instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' " + expected(format.getTargetType());
        }
        if (ex instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return String.valueOf(instantiation.getCause().getMessage());
        }
        if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "must be " + kind(mismatch.getTargetType());
        }
        return oneLine(ex.getOriginalMessage());
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "is not one of " + Stream.of(type.getEnumConstants())
                .map((constant) -> yamlName((Enum<?>) constant))
                .collect(Collectors.joining(", "));
        }
        if (type == Duration.class) {
            return "is not a duration (examples: 500ms, 10s, 2m)";
        }
        if (type == URI.class) {
            return "is not a URL";
        }
        return Number.class.isAssignableFrom(type) || type.isPrimitive() ? "is not a number"
                : "is not " + kind(type);
    }

    private static String kind(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class || type == URI.class || type == Duration.class || type.isEnum()) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "a mapping";
    }

    /** A duration as the file would write it: {@code 90s}, {@code 1m30s}, {@code 500ms}. */
    public static String text(Duration duration) {
        if (duration.getNano() != 0) {
            return duration.toMillis() + "ms";
        }
        return duration.toString().substring(2).toLowerCase(Locale.ROOT);
    }

    /** How an enum constant is written in YAML: {@code OPENAI_CHAT} is {@code openai-chat}. */
    public static String yamlName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String oneLine(String message) {
        return String.valueOf(message).replaceAll("\\s+", " ").strip();
    }

    private static final class DurationDeserializer extends StdScalarDeserializer<Duration> {

        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.currentToken().isScalarValue()) {
                return (Duration) context.handleUnexpectedToken(Duration.class, parser);
            }
            String text = parser.getValueAsString();
            try {
                return DurationStyle.detectAndParse(text);
            }
            catch (IllegalArgumentException ex) {
                throw InvalidFormatException.from(parser, "not a duration", text, Duration.class);
            }
        }

    }

}
