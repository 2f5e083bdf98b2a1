package dev.llmstatus.errors;

import java.util.Locale;
import java.util.Map;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Renders the knowledge base's Markdown to HTML that is safe to insert unescaped: raw HTML is shown as text and
 * only absolute http and https links survive.
 */
final class Markdown {

    private final Parser parser = Parser.builder().build();

    private final HtmlRenderer blocks = renderer(false);

    private final HtmlRenderer inlines = renderer(true);

    private final TextContentRenderer text = TextContentRenderer.builder().stripNewlines(true).build();

    /** Paragraphs and lists, each wrapped in its element. */
    String block(String markdown) {
        return this.blocks.render(this.parser.parse(markdown)).strip();
    }

    /** One paragraph without its {@code <p>}, for list items, headings and table cells. */
    String inline(String markdown) {
        return this.inlines.render(this.parser.parse(markdown)).strip();
    }

    /** Text without markup, for meta descriptions and structured data. */
    String plain(String markdown) {
        return this.text.render(this.parser.parse(markdown)).strip();
    }

    private static HtmlRenderer renderer(boolean inline) {
        return HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new WebLinksOnly())
            .omitSingleParagraphP(inline)
            .attributeProviderFactory((context) -> Markdown::linkAttributes)
            .build();
    }

    private static void linkAttributes(Node node, String tag, Map<String, String> attributes) {
        String attribute = switch (tag) {
            case "a" -> "href";
            case "img" -> "src";
            default -> null;
        };
        if (attribute == null) {
            return;
        }
        if (attributes.getOrDefault(attribute, "").isEmpty()) {
            attributes.remove(attribute);
        }
        else if (tag.equals("a")) {
            attributes.put("rel", "nofollow noopener noreferrer");
        }
    }

    private static final class WebLinksOnly implements UrlSanitizer {

        @Override
        public String sanitizeLinkUrl(String url) {
            String lower = url.strip().toLowerCase(Locale.ROOT);
            return (lower.startsWith("https://") || lower.startsWith("http://")) ? url.strip() : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return sanitizeLinkUrl(url);
        }

    }

}
