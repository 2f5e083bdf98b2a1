package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.llmstatus.catalog.Provider;

/**
 * Finding a provider by what people type: its slug, its name or a name people use for it (an alias such as a
 * product name). The dashboard filter, the 404 suggestions and the landing redirects all search here.
 */
final class Suggestions {

    private Suggestions() {
    }

    /** The names a provider answers to, lower case: slug, name, then aliases. */
    static List<String> names(Provider provider) {
        List<String> names = new ArrayList<>();
        names.add(provider.slug());
        names.add(provider.name().toLowerCase(Locale.ROOT));
        provider.aliases().forEach((alias) -> names.add(alias.toLowerCase(Locale.ROOT)));
        return names;
    }

    /** Whether any of the provider's names contains the typed text (already lower case). */
    static boolean matches(Provider provider, String needle) {
        return names(provider).stream().anyMatch((name) -> name.contains(needle));
    }

    /** The provider whose slug, name or alias is exactly what was typed, ignoring case, spaces and punctuation. */
    static Optional<Provider> exact(String typed, List<Provider> providers) {
        String query = normalise(typed);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        return providers.stream()
            .filter((provider) -> names(provider).stream().anyMatch((name) -> normalise(name).equals(query)))
            .findFirst();
    }

    /** The providers closest to a mistyped name: substring matches first, then by edit distance. */
    static List<Provider> closest(String typed, List<Provider> providers, int limit) {
        String query = normalise(typed);
        return providers.stream()
            .map((provider) -> new Scored(provider, score(query, provider), whole(query, provider)))
            .filter((scored) -> scored.score() <= Math.max(3, query.length() / 2))
            // on a tie, the provider whose whole name is nearest: "opnai" is OpenAI before Azure OpenAI
            .sorted(Comparator.comparingInt(Scored::score).thenComparingInt(Scored::whole)
                .thenComparing((s) -> s.provider().name()))
            .limit(limit)
            .map(Scored::provider)
            .toList();
    }

    private record Scored(Provider provider, int score, int whole) {
    }

    /** The edit distance from what was typed to the nearest of the provider's whole names. */
    private static int whole(String query, Provider provider) {
        return names(provider).stream()
            .map(Suggestions::normalise)
            .filter((name) -> !name.isEmpty())
            .mapToInt((name) -> distance(query, name))
            .min()
            .orElse(Integer.MAX_VALUE);
    }

    private static int score(String query, Provider provider) {
        if (query.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        int best = Integer.MAX_VALUE;
        for (String name : names(provider)) {
            String normalised = normalise(name);
            if (normalised.isEmpty()) {
                continue;
            }
            if (normalised.contains(query) || query.contains(normalised)) {
                return 0;
            }
            best = Math.min(best, distance(query, normalised));
            for (String word : name.split("[^\\p{L}\\p{N}]+")) {
                if (word.length() > 2) {
                    best = Math.min(best, distance(query, word));
                }
            }
        }
        return best;
    }

    /** Lower case letters and digits of any script: "通义" and "Qwen" alike. */
    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

}
