package dev.llmstatus.notify;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SubscribeLimitsTests {

    @Test
    void eachVisitorGetsTheHourlyBudgetThenAWait() {
        NotifyProperties defaults = TargetGuardTests.properties(false);
        SubscribeLimits limits = new SubscribeLimits(defaults);
        for (int i = 0; i < defaults.hourlyBudget(); i++) {
            assertThat(limits.acquire("203.0.113.7")).isNull();
        }
        Duration wait = limits.acquire("203.0.113.7");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(limits.acquire("203.0.113.8")).as("another visitor").isNull();
    }

}
