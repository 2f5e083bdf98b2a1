package dev.llmstatus.api;

import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.status.StatusSnapshot;
import dev.llmstatus.system.CachedPage;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A provider's incident history as Atom and RSS feeds, at the paths Statuspage uses for its own.
 */
@RestController
class FeedController {

    private final StatusEngine engine;

    private final IncidentFeeds feeds;

    FeedController(StatusEngine engine, IncidentFeeds feeds) {
        this.engine = engine;
        this.feeds = feeds;
    }

    @CachedPage
    @GetMapping("/status/{slug}/history.atom")
    ResponseEntity<String> atom(@PathVariable String slug) {
        return feed(slug, IncidentFeeds.Format.ATOM);
    }

    @CachedPage
    @GetMapping("/status/{slug}/history.rss")
    ResponseEntity<String> rss(@PathVariable String slug) {
        return feed(slug, IncidentFeeds.Format.RSS);
    }

    private ResponseEntity<String> feed(String slug, IncidentFeeds.Format format) {
        StatusSnapshot snapshot = this.engine.current();
        ProviderState provider = snapshot.provider(slug).orElseThrow(() -> new UnknownProviderException(slug));
        return ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(format.mediaType() + ";charset=UTF-8"))
            .body(this.feeds.render(provider, snapshot.builtAt(), format));
    }

}
