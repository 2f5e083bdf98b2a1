package dev.llmstatus.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes API keys from text that leaves a check (error messages kept for pages and logs). Providers echo a refused
 * key in part ("Incorrect API key provided: sk-abc12***wxyz"), so more than the exact key goes: every word that
 * shares the key's first characters or ends with its last ones, every masked word, and anything shaped like a key.
 */
final class KeyRedactor {

    static final String REDACTED = "[redacted]";

    private static final int PREFIX = 6;

    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_\\-.*~+/=]+");

    private static final Pattern KEY_SHAPED = Pattern.compile(
            "^(sk-|sk_|pk-|rk-|xai-|gsk_|AIza|Bearer).*|.*\\*{3,}.*|.*[A-Za-z0-9]{32,}.*");

    private KeyRedactor() {
    }

    static String redact(String text, String key) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String prefix = (key != null && key.length() >= 2 * PREFIX) ? key.substring(0, PREFIX) : null;
        String suffix = (key != null && key.length() >= 2 * PREFIX) ? key.substring(key.length() - 4) : null;
        String cleaned = (key != null && !key.isEmpty()) ? text.replace(key, REDACTED) : text;
        Matcher words = WORD.matcher(cleaned);
        StringBuilder out = new StringBuilder();
        while (words.find()) {
            String word = words.group();
            boolean secret = word.length() >= 8 && (KEY_SHAPED.matcher(word).matches()
                    || (prefix != null && word.contains(prefix)) || (suffix != null && word.endsWith(suffix)));
            words.appendReplacement(out, Matcher.quoteReplacement(secret ? REDACTED : word));
        }
        words.appendTail(out);
        return out.toString();
    }

}
