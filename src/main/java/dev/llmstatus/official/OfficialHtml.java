package dev.llmstatus.official;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Update bodies as safe HTML. Feeds carry HTML and JSON APIs carry text with line breaks; both end up as HTML that
 * keeps paragraphs, emphasis, lists and links (marked {@code rel="nofollow noopener"}) and nothing else.
 */
public final class OfficialHtml {

    private static final Safelist SAFE = Safelist.basic().addEnforcedAttribute("a", "rel", "nofollow noopener");

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private OfficialHtml() {
    }

    /** Untrusted HTML, cleaned. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.clean(html.strip(), "", SAFE, COMPACT).strip();
    }

    /** Plain text (with line breaks) as HTML. */
    public static String fromText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return Entities.escape(text.strip()).replaceAll("\\r?\\n", "<br>");
    }

    /** The text of (clean) HTML, one line per paragraph or break. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        String marked = html.replaceAll("(?i)<br\\s*/?>|</p>|</li>", "\n");
        return Jsoup.parseBodyFragment(marked).wholeText().replaceAll("[ \\t\\u00a0]+", " ")
            .replaceAll(" *\\n[\\n ]*", "\n")
            .strip();
    }

}
