package dev.llmstatus.errors;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;


/**
 * Finds the topics a pasted error message, JSON body or header dump points to, and the provider it came from when
 * the text gives that away. Text and knowledge base strings are compared in one normal form: lower case, JSON
 * escapes undone, quotes dropped, whitespace collapsed and squeezed out around JSON punctuation.
 */
public final class ErrorLookup {

    /** The longest text accepted, in characters. */
    public static final int MAX_INPUT_LENGTH = 10_000;

    private static final int MAX_MATCHES = 5;

    private static final int MIN_SCORE = 6;

    // Points a finding gives a topic. A provider's own signature or code says more than a generic signature, and
    // a status says most for the topic that owns it as an alias (429 is a rate limit before it is a quota error).
    // A provider's strings count half when the text names no provider, and not at all when it names another one.

    private static final int PROVIDER_SIGNATURE_WEIGHT = 20;

    private static final int PROVIDER_CODE_WEIGHT = 16;

    private static final int PROVIDER_HEADER_WEIGHT = 5;

    private static final int PRIMARY_STATUS_WEIGHT = 15;

    private static final int OTHER_STATUS_WEIGHT = 6;

    private static final int PROVIDER_STATUS_WEIGHT = 10;

    // Points a finding gives a provider: one of its identifiers, or a string only its overlay uses.

    private static final int IDENTIFIER_WEIGHT = 10;

    private static final int UNIQUE_TERM_WEIGHT = 6;

    private static final int BARE_STATUS_MAX_TEXT = 120;

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\+u([0-9a-fA-F]{4})");

    private static final Pattern ESCAPED_WHITESPACE = Pattern.compile("\\\\+[nrt]");

    private static final Pattern QUOTES = Pattern.compile("[\"'`\u2018\u2019\u201c\u201d]");

    private static final Pattern WHITESPACE = Pattern.compile("[\\s\u00a0\u3000]+");

    private static final Pattern SPACE_AROUND_PUNCTUATION = Pattern.compile(" ?([:=,{}\\[\\]]) ?");

    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Z]+|[a-z]+|[A-Z][a-z]+");

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private static final Pattern STATUS_AFTER_LABEL = Pattern.compile("(?<![a-z0-9_])(?:http/[0-9.]+|http status code"
            + "|http status|http code|http error|http|status code|status_code|statuscode|status|response code"
            + "|error code|error_code|errorcode|error|code)[:= ]?([45][0-9]{2})(?![0-9])");

    private static final Pattern STATUS_BEFORE_REASON = Pattern.compile("(?<![0-9.])([45][0-9]{2}) (?:too many requests"
            + "|unauthorized|forbidden|not found|bad request|internal server error|bad gateway|service unavailable"
            + "|gateway timeout|payment required|request entity too large|payload too large|content too large"
            + "|unprocessable entity|request timeout|conflict|overloaded)");

    private static final Pattern BARE_STATUS = Pattern.compile("(?<![0-9a-z._-])([45][0-9]{2})(?![0-9a-z_])");

    private final KnowledgeBase knowledgeBase;

    private final List<Term> terms;

    private final Map<Integer, ErrorTopic> primaryTopicByStatus;

    public ErrorLookup(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
        this.terms = terms(knowledgeBase);
        Map<Integer, ErrorTopic> primary = new HashMap<>();
        for (ErrorTopic topic : knowledgeBase.topics()) {
            for (String alias : topic.aliases()) {
                if (DIGITS.matcher(alias).matches() && alias.length() == 3) {
                    primary.put(Integer.valueOf(alias), topic);
                }
            }
        }
        this.primaryTopicByStatus = Map.copyOf(primary);
    }

    /**
     * The topics the text points to, best first, at most five; empty for blank text or when nothing matches.
     * @throws InputTooLongException when the text is longer than {@link #MAX_INPUT_LENGTH} characters
     */
    public List<LookupMatch> lookup(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_INPUT_LENGTH) {
            throw new InputTooLongException(length);
        }
        String haystack = normalise(text);
        List<Term> found = this.terms.stream().filter((term) -> term.foundIn(haystack)).toList();
        Optional<String> provider = identify(found);
        Scores scores = new Scores();
        for (Term term : found) {
            if (term.topic() == null) {
                continue;
            }
            if (term.provider() == null) {
                scores.add(term.topic(), term.weight(), term.original());
            }
            else if (provider.isEmpty()) {
                scores.add(term.topic(), Math.max(term.weight() / 2, 3), term.original());
            }
            else if (provider.get().equals(term.provider())) {
                scores.add(term.topic(), term.weight(), term.original());
            }
        }
        Optional<ProviderOverlay> overlay = provider.flatMap(this.knowledgeBase::overlay);
        for (int status : statuses(haystack)) {
            String evidence = "HTTP " + status;
            for (ErrorTopic topic : this.knowledgeBase.topics()) {
                if (topic.httpStatuses().contains(status)) {
                    scores.add(topic, topic.equals(this.primaryTopicByStatus.get(status)) ? PRIMARY_STATUS_WEIGHT
                            : OTHER_STATUS_WEIGHT, evidence);
                }
            }
            overlay.ifPresent((own) -> own.topics().forEach((slug, entry) -> {
                if (Integer.valueOf(status).equals(entry.httpStatus())) {
                    this.knowledgeBase.topic(slug)
                        .ifPresent((topic) -> scores.add(topic, PROVIDER_STATUS_WEIGHT, evidence));
                }
            }));
        }
        return scores.ranked()
            .stream()
            .filter((match) -> match.score() >= MIN_SCORE)
            .filter((match) -> provider.isEmpty() || KnowledgeBase.applies(match.topic(), overlay.orElse(null)))
            .limit(MAX_MATCHES)
            .map((match) -> new LookupMatch(match.topic(), match.score(), List.copyOf(match.evidence()), provider))
            .toList();
    }

    private static Optional<String> identify(List<Term> found) {
        Map<String, Integer> points = new HashMap<>();
        Set<String> counted = new LinkedHashSet<>();
        for (Term term : found) {
            if (term.identifies() == null || !counted.add(term.identifies() + '\u0000' + term.needle())) {
                continue;
            }
            int weight = (term.topic() == null) ? IDENTIFIER_WEIGHT : UNIQUE_TERM_WEIGHT;
            points.merge(term.identifies(), weight, Integer::sum);
        }
        List<Map.Entry<String, Integer>> ranked = points.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .toList();
        if (ranked.isEmpty() || ranked.get(0).getValue() < UNIQUE_TERM_WEIGHT
                || (ranked.size() > 1 && ranked.get(1).getValue().equals(ranked.get(0).getValue()))) {
            return Optional.empty();
        }
        return Optional.of(ranked.get(0).getKey());
    }

    private static Set<Integer> statuses(String haystack) {
        Set<Integer> statuses = new TreeSet<>();
        collect(STATUS_AFTER_LABEL, haystack, statuses);
        collect(STATUS_BEFORE_REASON, haystack, statuses);
        if (statuses.isEmpty() && haystack.length() <= BARE_STATUS_MAX_TEXT) {
            collect(BARE_STATUS, haystack, statuses);
        }
        return statuses;
    }

    private static void collect(Pattern pattern, String haystack, Set<Integer> statuses) {
        Matcher matcher = pattern.matcher(haystack);
        while (matcher.find()) {
            statuses.add(Integer.valueOf(matcher.group(1)));
        }
    }

    /** The form in which pasted text and knowledge base strings are compared. */
    static String normalise(String text) {
        Matcher escapes = UNICODE_ESCAPE.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (escapes.find()) {
            escapes.appendReplacement(decoded,
                    Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(escapes.group(1), 16))));
        }
        escapes.appendTail(decoded);
        String normal = ESCAPED_WHITESPACE.matcher(decoded).replaceAll(" ").replace("\\", "");
        normal = QUOTES.matcher(normal.toLowerCase(Locale.ROOT)).replaceAll("");
        // full-width punctuation, as Chinese messages write it, reads like its ASCII form
        normal = WHITESPACE.matcher(normal.replace('\uff1a', ':').replace('\uff0c', ',')).replaceAll(" ");
        return SPACE_AROUND_PUNCTUATION.matcher(normal).replaceAll("$1").strip();
    }

    private static List<Term> terms(KnowledgeBase knowledgeBase) {
        Map<String, Set<String>> providersByNeedle = new HashMap<>();
        for (ProviderOverlay overlay : knowledgeBase.overlays()) {
            overlay.topics().values().forEach((own) -> {
                for (List<String> strings : List.of(own.codes(), own.signatures(), own.headers())) {
                    strings.forEach((string) -> providersByNeedle.computeIfAbsent(normalise(string),
                            (needle) -> new TreeSet<>()).add(overlay.provider()));
                }
            });
        }
        List<Term> terms = new ArrayList<>();
        for (ErrorTopic topic : knowledgeBase.topics()) {
            for (String signature : Stream.concat(topic.signatures().stream(), topic.lookupTerms().stream()).toList()) {
                // longer generic signatures are more specific
                terms.add(Term.of(signature, topic, null, 8 + Math.min(12, signature.length() / 3), null, true));
            }
        }
        for (ProviderOverlay overlay : knowledgeBase.overlays()) {
            for (String identifier : overlay.identifiers()) {
                terms.add(Term.of(identifier, null, null, 0, overlay.provider(), false));
            }
            overlay.topics().forEach((slug, own) -> {
                ErrorTopic topic = knowledgeBase.topic(slug).orElseThrow();
                for (String code : own.codes()) {
                    terms.add(Term.of(code, topic, overlay.provider(), PROVIDER_CODE_WEIGHT,
                            unique(providersByNeedle, code), true));
                }
                for (String signature : own.signatures()) {
                    terms.add(Term.of(signature, topic, overlay.provider(), PROVIDER_SIGNATURE_WEIGHT,
                            unique(providersByNeedle, signature), true));
                }
                for (String header : own.headers()) {
                    terms.add(Term.of(header, topic, overlay.provider(), PROVIDER_HEADER_WEIGHT,
                            unique(providersByNeedle, header), false));
                }
            });
        }
        return List.copyOf(terms);
    }

    private static String unique(Map<String, Set<String>> providersByNeedle, String string) {
        Set<String> providers = providersByNeedle.get(normalise(string));
        return (providers != null && providers.size() == 1) ? providers.iterator().next() : null;
    }

    /**
     * One string to look for.
     *
     * @param original as written in the knowledge base, reported as evidence
     * @param needle normalised
     * @param topic the topic it points to, or {@code null} for a provider identifier
     * @param provider the overlay it comes from, or {@code null} for a topic signature
     * @param weight points it gives its topic
     * @param identifies the provider it gives away, or {@code null}
     * @param context where a plain word or number must stand to count (see {@link Context})
     */
    private record Term(String original, String needle, ErrorTopic topic, String provider, int weight,
            String identifies, Context context) {

        static Term of(String original, ErrorTopic topic, String provider, int weight, String identifies,
                boolean guarded) {
            Context context = Context.ANYWHERE;
            if (guarded && DIGITS.matcher(original).matches()) {
                context = Context.AFTER_CODE_KEY;
            }
            else if (guarded && PLAIN_WORD.matcher(original).matches()) {
                context = Context.AS_VALUE;
            }
            return new Term(original, normalise(original), topic, provider, weight, identifies, context);
        }

        boolean foundIn(String haystack) {
            // a text that is nothing but the string, such as a bare code ("1302"), counts wherever it stands
            if (haystack.equals(this.needle)) {
                return true;
            }
            int from = 0;
            while (true) {
                int at = haystack.indexOf(this.needle, from);
                if (at < 0) {
                    return false;
                }
                if (bounded(haystack, at) && this.context.accepts(haystack, at)) {
                    return true;
                }
                from = at + 1;
            }
        }

        // A needle must not start or end inside a longer word; for dashed names such as headers, a dash continues
        // the word, so that "retry-after" is not found in "retry-after-ms".
        private boolean bounded(String haystack, int at) {
            int end = at + this.needle.length();
            boolean dashed = this.needle.indexOf('-') >= 0;
            boolean startOk = !wordChar(this.needle.charAt(0), false) || at == 0
                    || !wordChar(haystack.charAt(at - 1), dashed);
            boolean endOk = !wordChar(this.needle.charAt(this.needle.length() - 1), false)
                    || end == haystack.length() || !wordChar(haystack.charAt(end), dashed);
            return startOk && endOk;
        }

        private static boolean wordChar(char c, boolean dashed) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (dashed && c == '-');
        }

    }

    /**
     * Plain words ("INTERNAL", "Throttling") and bare numbers ("1302") are everywhere in ordinary text, so they only
     * count where an error body would put them.
     */
    private enum Context {

        ANYWHERE {
            @Override
            boolean accepts(String haystack, int at) {
                return true;
            }
        },

        /** Right after a key, as in {@code "status": "INTERNAL"}. */
        AS_VALUE {
            @Override
            boolean accepts(String haystack, int at) {
                return at > 0 && (haystack.charAt(at - 1) == ':' || haystack.charAt(at - 1) == '=');
            }
        },

        /**
         * Right after a key ending in "code" or "码", as in {@code "code": "1302"}, {@code status_code=1002} or
         * {@code 错误码：11200}.
         */
        AFTER_CODE_KEY {
            @Override
            boolean accepts(String haystack, int at) {
                if (at < 2 || ":= ".indexOf(haystack.charAt(at - 1)) < 0) {
                    return false;
                }
                return haystack.startsWith("code", at - 5) || haystack.charAt(at - 2) == '码';
            }
        };

        abstract boolean accepts(String haystack, int at);

    }

    private static final class Scores {

        private final Map<ErrorTopic, Integer> points = new LinkedHashMap<>();

        private final Map<ErrorTopic, Set<String>> evidence = new HashMap<>();

        private final Set<String> counted = new LinkedHashSet<>();

        void add(ErrorTopic topic, int weight, String found) {
            if (!this.counted.add(topic.slug() + '\u0000' + normalise(found) + '\u0000' + weight)) {
                return;
            }
            this.points.merge(topic, weight, Integer::sum);
            this.evidence.computeIfAbsent(topic, (key) -> new LinkedHashSet<>()).add(found);
        }

        List<Ranked> ranked() {
            return this.points.entrySet()
                .stream()
                .map((entry) -> new Ranked(entry.getKey(), entry.getValue(), this.evidence.get(entry.getKey())))
                .sorted(Comparator.comparingInt(Ranked::score).reversed())
                .toList();
        }

    }

    private record Ranked(ErrorTopic topic, int score, Set<String> evidence) {
    }

    /**
     * Pasted text longer than {@link #MAX_INPUT_LENGTH}. The message is meant for the person who pasted it; the
     * lookup page catches it and answers 400 with the message.
     */
    public static final class InputTooLongException extends RuntimeException {

        private final int length;

        InputTooLongException(int length) {
            super("That text is " + NumberFormat.getIntegerInstance(Locale.ENGLISH).format(length)
                    + " characters long. Paste at most " + NumberFormat.getIntegerInstance(Locale.ENGLISH)
                        .format(MAX_INPUT_LENGTH)
                    + ": the error message, the JSON body or the response headers are enough.");
            this.length = length;
        }

        /** The length of the rejected text, in characters. */
        public int length() {
            return this.length;
        }

    }

}
