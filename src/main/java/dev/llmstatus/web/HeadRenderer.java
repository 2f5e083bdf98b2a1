package dev.llmstatus.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.llmstatus.system.SiteProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Turns a {@link PageMeta} into the values the layout's head needs, JSON-LD included. The JSON-LD is made safe to
 * sit inside a script element: no {@code </}, no line separators.
 */
@Component
class HeadRenderer {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SiteProperties site;

    HeadRenderer(SiteProperties site) {
        this.site = site;
    }

    /**
     * The head of one page.
     *
     * @param meta what the page said
     * @param canonical the absolute canonical URL
     * @param jsonLd the JSON-LD blocks, each a complete JSON document
     * @param image the absolute URL of the picture shown when the page is shared
     */
    record Head(PageMeta meta, String canonical, List<String> jsonLd, String image) {
    }

    Head render(PageMeta meta) {
        String canonical = this.site.url(meta.path());
        List<String> blocks = new ArrayList<>();
        blocks.add(safe(webPage(meta, canonical)));
        blocks.add(safe(breadcrumbs(meta)));
        if (!meta.faq().isEmpty()) {
            blocks.add(safe(faqPage(meta)));
        }
        return new Head(meta, canonical, blocks, this.site.url("/img/og-image.png"));
    }

    private Map<String, Object> webPage(PageMeta meta, String canonical) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "WebPage");
        page.put("@id", canonical);
        page.put("url", canonical);
        page.put("name", meta.title());
        page.put("description", meta.description());
        if (meta.modified() != null) {
            page.put("dateModified", DateTimeFormatter.ISO_INSTANT.format(meta.modified()));
        }
        page.put("isPartOf", Map.of("@type", "WebSite", "name", "LLM Status", "url", this.site.url("/")));
        return page;
    }

    private Map<String, Object> breadcrumbs(PageMeta meta) {
        List<Map<String, Object>> items = new ArrayList<>();
        int position = 1;
        for (PageMeta.Crumb crumb : meta.breadcrumbs()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("@type", "ListItem");
            item.put("position", position++);
            item.put("name", crumb.name());
            item.put("item", this.site.url(crumb.path()));
            items.add(item);
        }
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("@context", "https://schema.org");
        list.put("@type", "BreadcrumbList");
        list.put("itemListElement", items);
        return list;
    }

    private static Map<String, Object> faqPage(PageMeta meta) {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Faq faq : meta.faq()) {
            Map<String, Object> question = new LinkedHashMap<>();
            question.put("@type", "Question");
            question.put("name", faq.question());
            question.put("acceptedAnswer", Map.of("@type", "Answer", "text", faq.answer()));
            questions.add(question);
        }
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "FAQPage");
        page.put("mainEntity", questions);
        return page;
    }

    private static String safe(Object value) {
        return JSON.writeValueAsString(value)
            .replace("</", "<\\/")
            .replace("\u2028", "\\u2028")
            .replace("\u2029", "\\u2029");
    }

}
