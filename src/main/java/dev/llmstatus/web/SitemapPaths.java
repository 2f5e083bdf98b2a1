package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.List;

import dev.llmstatus.errors.KnowledgeBase;
import dev.llmstatus.errors.ProviderErrorPage;
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
        paths.add("/status/" + state.slug());
        paths.add("/is-" + state.slug() + "-down");
        paths.add(ErrorPagesController.indexPath(state.slug()));
        for (ProviderErrorPage page : this.knowledgeBase.pagesFor(state.slug())) {
            paths.add(ErrorPagesController.pagePath(state.slug(), page.slug()));
        }
        IncidentController.all(state).forEach((incident) -> paths.add(IncidentController.path(state.slug(),
                incident.id())));
        return paths;
    }

    List<String> global() {
        return this.knowledgeBase.topics().stream().map((topic) -> ErrorPagesController.topicPath(topic.slug()))
            .toList();
    }

}
