package dev.llmstatus.api;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import dev.llmstatus.status.Status;

import static org.assertj.core.api.Assertions.assertThat;

class BadgesTests {

    @ParameterizedTest
    @CsvSource({ "OPERATIONAL, #4c1, operational", "DEGRADED, #dfb317, degraded performance",
            "PARTIAL_OUTAGE, #fe7d37, partial outage", "MAJOR_OUTAGE, #e05d44, major outage",
            "MAINTENANCE, #007ec6, maintenance", "UNKNOWN, #9f9f9f, unknown" })
    void eachLevelIsAWellFormedBadgeInItsColourWithItsLabel(Status level, String colour, String message)
            throws Exception {
        Document svg = parse(Badges.status("OpenAI", level));
        Element root = svg.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("OpenAI: " + message);
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("OpenAI: " + message);
        NodeList rects = svg.getElementsByTagName("rect");
        Element messageBox = (Element) rects.item(2);
        assertThat(messageBox.getAttribute("fill")).isEqualTo(colour);
        NodeList texts = svg.getElementsByTagName("text");
        assertThat(texts.getLength()).isEqualTo(4);
        assertThat(texts.item(1).getTextContent()).isEqualTo("OpenAI");
        assertThat(texts.item(3).getTextContent()).isEqualTo(message);
    }

    @Test
    void textIsEscapedSoAnyProviderNameStaysWellFormed() throws Exception {
        Document svg = parse(Badges.svg("A&B <\"x\">'s", "ok\u0001", "#4c1"));
        assertThat(svg.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("A&B <\"x\">'s: ok");
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("A&B <\"x\">'s: ok");
    }

    @Test
    void boxesGrowWithTheirTextAndFitTheBadge() throws Exception {
        assertThat(Badges.textWidth("WWW")).isGreaterThan(Badges.textWidth("iii"));
        assertThat(Badges.textWidth("~ ")).isPositive();
        assertThat(Badges.textWidth("通义千问")).isGreaterThan(Badges.textWidth("abcd"));
        Element shortOne = parse(Badges.status("xAI", Status.OPERATIONAL)).getDocumentElement();
        Element longOne = parse(Badges.status("Google Gemini API", Status.DEGRADED)).getDocumentElement();
        assertThat(Integer.parseInt(longOne.getAttribute("width")))
            .isGreaterThan(Integer.parseInt(shortOne.getAttribute("width")));
        Document svg = parse(Badges.status("Google Gemini API", Status.DEGRADED));
        NodeList rects = svg.getElementsByTagName("rect");
        int label = Integer.parseInt(((Element) rects.item(1)).getAttribute("width"));
        int message = Integer.parseInt(((Element) rects.item(2)).getAttribute("width"));
        assertThat(label + message).isEqualTo(Integer.parseInt(svg.getDocumentElement().getAttribute("width")));
        long textLength = Long.parseLong(((Element) svg.getElementsByTagName("text").item(1)).getAttribute("textLength"));
        assertThat(textLength).isLessThan(label * 10L);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

}
