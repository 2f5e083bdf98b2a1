package dev.llmstatus.report;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.llmstatus.support.MutableClock;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class ReportLimitsTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T12:00:00Z"));

    private final ReportLimits limits = new ReportLimits(ReportProperties.defaults(), this.clock,
            new StaticListableBeanFactory().getBeanProvider(DataSource.class));

    @Test
    void onePersonMayReportAProviderOncePerTenMinutes() {
        assertThat(this.limits.acquire("alice", "stepfun")).isNull();
        this.clock.advance(Duration.ofMinutes(3));
        ReportLimits.Refusal refusal = this.limits.acquire("alice", "stepfun");
        assertThat(refusal).isNotNull();
        assertThat(refusal.hourly()).isFalse();
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(7));
        assertThat(this.limits.acquire("bob", "stepfun")).isNull();
        assertThat(this.limits.acquire("alice", "openai")).isNull();
        this.clock.advance(Duration.ofMinutes(7));
        assertThat(this.limits.acquire("alice", "stepfun")).isNull();
    }

    @Test
    void onePersonHasASmallHourlyBudgetAcrossProviders() {
        for (String provider : new String[] { "a", "b", "c", "d", "e" }) {
            assertThat(this.limits.acquire("alice", provider)).isNull();
        }
        ReportLimits.Refusal refusal = this.limits.acquire("alice", "f");
        assertThat(refusal).isNotNull();
        assertThat(refusal.hourly()).isTrue();
        assertThat(refusal.retryAfter()).isEqualTo(Duration.ofMinutes(12));
        // The refusal did not use up the allowance for provider f.
        this.clock.advance(Duration.ofMinutes(12));
        assertThat(this.limits.acquire("alice", "f")).isNull();
    }

    @Test
    void releasingGivesBackWhatAFailedReportTook() {
        assertThat(this.limits.acquire("alice", "stepfun")).isNull();
        this.limits.release("alice", "stepfun");
        assertThat(this.limits.acquire("alice", "stepfun")).isNull();
    }

}
