package dev.llmstatus.api;

import dev.llmstatus.status.StatusEngine;
import dev.llmstatus.system.CachedPage;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Status badges for READMEs and dashboards. An unknown provider gets a grey "provider not found" badge with a 404,
 * so a mistyped badge URL shows what is wrong instead of a broken image.
 */
@RestController
class BadgeController {

    static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

    private final StatusEngine engine;

    BadgeController(StatusEngine engine) {
        this.engine = engine;
    }

    @CachedPage
    @GetMapping("/badge/{slug}.svg")
    ResponseEntity<String> badge(@PathVariable String slug) {
        return this.engine.current()
            .provider(slug)
            .map((provider) -> ResponseEntity.ok()
                .contentType(SVG)
                .body(Badges.status(provider.name(), provider.level())))
            .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(SVG).body(Badges.notFound()));
    }

}
