package dev.llmstatus.api;

import java.util.Locale;

import dev.llmstatus.status.Status;

/**
 * Status badges in the look of shields.io's "flat" style: a grey label, a coloured message, 20 px high.
 */
final class Badges {

    static final String NOT_FOUND_COLOUR = "#9f9f9f";

    private static final String FONT = "Verdana,Geneva,DejaVu Sans,sans-serif";

    /**
     * Advance widths of Verdana at 11 px, the badge font, for printable ASCII from the space (0x20) to the tilde
     * (0x7e). Other characters count as wide ones, so the text never overflows its box.
     */
    private static final double[] WIDTHS = { 3.9, 4.7, 5.5, 9.2, 7.0, 12.1, 8.0, 3.0, 4.6, 4.6, 7.0, 9.2, 4.0, 4.6,
            4.0, 4.9, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 4.9, 4.9, 9.2, 9.2, 9.2, 6.0, 11.0, 7.5, 7.6,
            7.7, 8.5, 7.0, 6.3, 8.5, 8.3, 4.7, 5.0, 7.7, 6.1, 9.3, 8.2, 8.7, 6.6, 8.7, 7.7, 7.6, 6.8, 8.1, 7.5, 10.9,
            7.5, 6.8, 7.5, 4.9, 4.9, 4.9, 9.2, 7.0, 7.0, 6.6, 6.9, 5.7, 6.9, 6.6, 3.9, 6.9, 7.0, 3.0, 3.8, 6.5, 3.0,
            10.7, 7.0, 6.7, 6.9, 6.9, 4.7, 5.7, 4.3, 7.0, 6.5, 9.0, 6.5, 6.5, 5.8, 7.0, 4.9, 7.0, 9.2 };

    private static final double OTHER_WIDTH = 11.0;

    private static final int PADDING = 10;

    private Badges() {
    }

    static String colour(Status level) {
        return switch (level) {
            case OPERATIONAL -> "#4c1";
            case DEGRADED -> "#dfb317";
            case PARTIAL_OUTAGE -> "#fe7d37";
            case MAJOR_OUTAGE -> "#e05d44";
            case MAINTENANCE -> "#007ec6";
            case UNKNOWN -> "#9f9f9f";
        };
    }

    static String status(String label, Status level) {
        return svg(label, level.label().toLowerCase(Locale.ROOT), colour(level));
    }

    static String notFound() {
        return svg("status", "provider not found", NOT_FOUND_COLOUR);
    }

    /** The rendered width of a text at 11 px Verdana, estimated from per-character widths. */
    static double textWidth(String text) {
        double width = 0;
        for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
            int c = text.codePointAt(i);
            width += (c >= 0x20 && c <= 0x7e) ? WIDTHS[c - 0x20] : OTHER_WIDTH;
        }
        return width;
    }

    static String svg(String label, String message, String colour) {
        double labelText = textWidth(label);
        double messageText = textWidth(message);
        int labelWidth = (int) Math.ceil(labelText) + PADDING;
        int messageWidth = (int) Math.ceil(messageText) + PADDING;
        int width = labelWidth + messageWidth;
        String title = escape(label + ": " + message);
        String labelEscaped = escape(label);
        String messageEscaped = escape(message);
        // Text is drawn at ten times the size and scaled down, as shields.io does, for sub-pixel placement.
        int labelX = labelWidth * 5;
        int messageX = labelWidth * 10 + messageWidth * 5;
        long labelLength = Math.round(labelText * 10);
        long messageLength = Math.round(messageText * 10);
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"20\" role=\"img\" "
                + "aria-label=\"" + title + "\">"
                + "<title>" + title + "</title>"
                + "<linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" "
                + "stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>"
                + "<clipPath id=\"r\"><rect width=\"" + width + "\" height=\"20\" rx=\"3\" fill=\"#fff\"/></clipPath>"
                + "<g clip-path=\"url(#r)\"><rect width=\"" + labelWidth + "\" height=\"20\" fill=\"#555\"/>"
                + "<rect x=\"" + labelWidth + "\" width=\"" + messageWidth + "\" height=\"20\" fill=\"" + colour
                + "\"/><rect width=\"" + width + "\" height=\"20\" fill=\"url(#s)\"/></g>"
                + "<g fill=\"#fff\" text-anchor=\"middle\" font-family=\"" + FONT + "\" "
                + "text-rendering=\"geometricPrecision\" font-size=\"110\">"
                + text(labelX, labelLength, labelEscaped) + text(messageX, messageLength, messageEscaped)
                + "</g></svg>";
    }

    private static String text(int x, long length, String text) {
        return "<text aria-hidden=\"true\" x=\"" + x + "\" y=\"150\" fill=\"#010101\" fill-opacity=\".3\" "
                + "transform=\"scale(.1)\" textLength=\"" + length + "\">" + text + "</text>"
                + "<text x=\"" + x + "\" y=\"140\" transform=\"scale(.1)\" fill=\"#fff\" textLength=\"" + length
                + "\">" + text + "</text>";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

}
