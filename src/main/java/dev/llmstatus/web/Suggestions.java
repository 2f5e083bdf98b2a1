package dev.llmstatus.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.llmstatus.catalog.Provider;

/**
 * The providers closest to a mistyped name: substring matches first, then by edit distance.
 */
final class Suggestions {

    private Suggestions() {
    }

    static List<Provider> closest(String typed, List<Provider> providers, int limit) {
        String query = normalise(typed);
        return providers.stream()
            .map((provider) -> new Scored(provider, score(query, provider)))
            .filter((scored) -> scored.score() <= Math.max(3, query.length() / 2))
            .sorted(Comparator.comparingInt(Scored::score).thenComparing((s) -> s.provider().name()))
            .limit(limit)
            .map(Scored::provider)
            .toList();
    }

    private record Scored(Provider provider, int score) {
    }

    private static int score(String query, Provider provider) {
        String slug = normalise(provider.slug());
        String name = normalise(provider.name());
        if (query.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        if (slug.contains(query) || name.contains(query) || query.contains(slug)) {
            return 0;
        }
        int best = Math.min(distance(query, slug), distance(query, name));
        for (String word : provider.name().toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (word.length() > 2) {
                best = Math.min(best, distance(query, word));
            }
        }
        return best;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
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
