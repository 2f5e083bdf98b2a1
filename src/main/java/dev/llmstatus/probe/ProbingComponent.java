package dev.llmstatus.probe;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * A bean of the prober, created only while probing is enabled ({@code llmstatus.probe.enabled}, default true):
 * instances that only serve pages from a shared database, and tests that script the history, run without it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
@ConditionalOnBooleanProperty(name = "llmstatus.probe.enabled", matchIfMissing = true)
public @interface ProbingComponent {

}
