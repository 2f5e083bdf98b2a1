package dev.llmstatus.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET handler whose answer depends only on its path variables and the current snapshot, so that the page
 * cache may render it once per snapshot and serve every request for the same path variables from memory. A handler
 * without it is never served from the cache. Start-up fails when a marked handler takes anything that could make
 * two requests for the same path differ (a query parameter, a header, the request itself); a cookie it reads
 * ({@code @CookieValue}) makes a request carrying that cookie bypass the cache.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CachedPage {

}
