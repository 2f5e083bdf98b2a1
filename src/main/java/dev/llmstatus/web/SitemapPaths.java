package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.List;

import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.errors.ProviderErrorPage;
import dev.llmstatus.status.ModelState;
import dev.llmstatus.status.ProviderState;

import org.springframework.stereotype.Component;

/**
 * Every public page path, for the sitemap and for the tests that walk it.
 */
@Component
class SitemapPaths {

    private final KnowledgeBase knowledgeBase;

    SitemapPaths(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    List<String> forProvider(ProviderState state) {
        List<String> paths = new ArrayList<>();
        paths.add(Links.provider(state.slug()));
        paths.add(Links.isDown(state.slug()));
        paths.add(Links.errors(state.slug()));
        for (ProviderErrorPage page : this.knowledgeBase.pagesFor(state.slug())) {
            paths.add(Links.error(state.slug(), page.slug()));
        }
        paths.add(Links.history(state.slug()));
        IncidentController.all(state).forEach((incident) -> paths.add(Links.incident(state.slug(),
                incident.id())));
        state.models().stream().filter(ModelState::configured)
            .forEach((model) -> paths.add(Links.model(state.slug(), model.id())));
        return paths;
    }

    List<String> global() {
        List<String> paths = new ArrayList<>();
        paths.add("/errors");
        this.knowledgeBase.topics().forEach((topic) -> paths.add(Links.topic(topic.slug())));
        return paths;
    }

}
