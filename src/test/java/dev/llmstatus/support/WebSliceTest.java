package dev.llmstatus.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;

/**
 * The MVC slice for one or more controllers, set up as the site runs them: the page cache, security headers, request
 * guard, API error answers, the page head and the view models built once per snapshot all apply, with the bundled
 * catalog and knowledge base ({@link WebSliceConfiguration}). Test classes extend {@link WebSliceTests}, which mocks
 * the engine; they mock any service the controller calls, and {@link Snapshots} builds the snapshot the engine
 * answers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
// Beans the web layer needs that are plain components rather than controllers, advice or filters.
@WebMvcTest(includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
        pattern = "dev\\.llmstatus\\.(web\\.(HeadRenderer|SnapshotViews)|api\\.(ApiErrors|SiteLinks))"))
@Import(WebSliceConfiguration.class)
public @interface WebSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};

}
