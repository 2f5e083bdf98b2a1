package dev.llmstatus.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportersTests {

    private static final Instant NOW = Instant.parse("2026-11-23T23:59:00Z");

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // no trusted proxy configured for these two: the header is ignored
            "198.51.100.7 | 203.0.113.9                | 198.51.100.7",
            "10.0.0.5     | 203.0.113.9                | 10.0.0.5" })
    void forwardedForIsIgnoredUnlessProxiesAreTrusted(String peer, String forwardedFor, String client) {
        Reporters reporters = new Reporters(ReportProperties.defaults());
        assertThat(reporters.clientAddress(peer, forwardedFor)).isEqualTo(client);
    }

    @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "10.1.2.3        | 203.0.113.9                     | 203.0.113.9",
            "10.1.2.3        | -                               | 10.1.2.3",
            "198.51.100.7    | 203.0.113.9                     | 198.51.100.7", // peer is not a proxy: header is a claim
            "10.1.2.3        | 6.6.6.6, 203.0.113.9            | 203.0.113.9", // left of the first untrusted is spoofable
            "10.1.2.3        | 203.0.113.9, 10.9.9.9           | 203.0.113.9", // a chain of trusted proxies
            "10.1.2.3        | 10.7.7.7, 10.9.9.9              | 10.7.7.7", // all trusted: the left-most
            "127.0.0.1       | 203.0.113.9                     | 203.0.113.9",
            "0:0:0:0:0:0:0:1 | 2001:db8:0:0:0:0:0:5            | 2001:db8:0:0:0:0:0:5",
            "::1             | 2001:db8::5                     | 2001:db8:0:0:0:0:0:5",
            "10.1.2.3        | 10.7.7.7, not-an-address        | not-an-address",
            "172.23.255.254  | 203.0.113.9                     | 203.0.113.9", // inside 172.20.0.0/14
            "172.24.0.1      | 203.0.113.9                     | 172.24.0.1", // just outside it
    })
    void forwardedForIsReadRightToLeftFromTrustedProxies(String peer, String forwardedFor, String client) {
        Reporters reporters = new Reporters(properties(List.of("10.0.0.0/8", "127.0.0.1", "::1", "172.20.0.0/14")));
        assertThat(reporters.clientAddress(peer, forwardedFor)).isEqualTo(client);
    }

    @Test
    void invalidProxyEntriesFailAtStartNamingTheEntry() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Reporters(properties(List.of("proxy.internal"))))
            .withMessageContaining("'proxy.internal'");
        assertThatIllegalArgumentException().isThrownBy(() -> new Reporters(properties(List.of("10.0.0.0/33"))))
            .withMessageContaining("'10.0.0.0/33'");
        assertThatIllegalArgumentException().isThrownBy(() -> new Reporters(properties(List.of("300.1.1.1"))))
            .withMessageContaining("'300.1.1.1'");
    }

    @Test
    void hashIsStableWithinAUtcDayAndUnrelatedTheNextDay() {
        Reporters reporters = new Reporters(ReportProperties.defaults());
        String today = reporters.hash("203.0.113.9", NOW);
        assertThat(today).hasSize(64)
            .doesNotContain("203.0")
            .isEqualTo(reporters.hash("203.0.113.9", NOW.minus(Duration.ofHours(23))));
        assertThat(reporters.hash("203.0.113.10", NOW)).isNotEqualTo(today);
        assertThat(reporters.hash("203.0.113.9", NOW.plus(Duration.ofMinutes(2)))).isNotEqualTo(today);
    }

    @Test
    void withoutASecretEachInstanceHasItsOwnRandomSalt() {
        assertThat(new Reporters(ReportProperties.defaults()).hash("203.0.113.9", NOW))
            .isNotEqualTo(new Reporters(ReportProperties.defaults()).hash("203.0.113.9", NOW));
    }

    @Test
    void withASharedSecretInstancesAgreeButTheSaltStillChangesDaily() {
        ReportProperties shared = new ReportProperties(Duration.ofMinutes(10), 5, List.of(), "s3cret", 1000, 5, 3,
                Duration.ofDays(30), Duration.ofHours(1), 5000);
        Reporters one = new Reporters(shared);
        Reporters two = new Reporters(shared);
        assertThat(one.hash("203.0.113.9", NOW)).isEqualTo(two.hash("203.0.113.9", NOW));
        assertThat(one.hash("203.0.113.9", NOW.plus(Duration.ofDays(1))))
            .isEqualTo(two.hash("203.0.113.9", NOW.plus(Duration.ofDays(1))))
            .isNotEqualTo(one.hash("203.0.113.9", NOW));
    }

    private static ReportProperties properties(List<String> trustedProxies) {
        return new ReportProperties(Duration.ofMinutes(10), 5, trustedProxies, null, 1000, 5, 3, Duration.ofDays(30),
                Duration.ofHours(1), 5000);
    }

}
