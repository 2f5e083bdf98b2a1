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
 * catalog and knowledge base ({@link WebSliceConfiguration}). Only the engine, and any service the controller calls,
 * are mocked by the test; {@link Snapshots} builds the snapshot it returns.
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
