package dev.llmstatus.web;

import java.util.ArrayList;
import java.util.List;

import dev.llmstatus.status.ProviderState;

import org.springframework.stereotype.Component;

/**
 * Every public page path, for the sitemap and for the tests that walk it.
 */
@Component
class SitemapPaths {

    List<String> forProvider(ProviderState state) {
        List<String> paths = new ArrayList<>();
        paths.add("/status/" + state.slug());
        paths.add("/is-" + state.slug() + "-down");
        return paths;
    }

    List<String> global() {
        return List.of();
    }

}
