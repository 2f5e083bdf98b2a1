package dev.llmstatus.notify;

import java.net.InetAddress;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetGuardTests {

    private final TargetGuard strict = new TargetGuard(properties(false));

    private final TargetGuard relaxed = new TargetGuard(properties(true));

    @ParameterizedTest
    @CsvSource({ "127.0.0.1, false", "127.8.9.10, false", "10.1.2.3, false", "172.16.0.1, false", "172.31.255.255, false",
            "172.32.0.1, true", "192.168.1.1, false", "169.254.169.254, false", "100.100.100.200, false",
            "100.64.0.1, false", "0.0.0.0, false", "224.0.0.1, false", "255.255.255.255, false", "198.18.0.1, false",
            "192.0.2.1, false", "203.0.113.9, false", "8.8.8.8, true", "1.1.1.1, true", "::1, false", "::, false",
            "fe80::1, false", "fd00:ec2::254, false", "fc00::1, false", "ff02::1, false", "2001:db8::1, false",
            "::ffff:127.0.0.1, false", "::ffff:10.0.0.1, false", "::ffff:8.8.8.8, true", "64:ff9b::a00:1, false",
            "2606:4700:4700::1111, true" })
    void onlyPublicAddressesPass(String address, boolean expected) throws Exception {
        assertThat(TargetGuard.isPublic(InetAddress.getByName(address))).as(address).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://example.com/hook", "ftp://example.com/hook", "https:///nohost",
            "https://user:pass@example.com/hook", "https://example.com/hook#x", "not a url", "example.com/hook" })
    void malformedOrPlainHttpUrlsAreRefused(String url) {
        assertThatExceptionOfType(TargetGuard.Refused.class).isThrownBy(() -> this.strict.parse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/hook", "https://localhost/hook", "https://10.0.0.7:8443/x",
            "https://[::1]/hook", "https://169.254.169.254/latest/meta-data/", "https://[::ffff:192.168.0.1]/x" })
    void privateTargetsAreRefusedAtResolution(String url) {
        assertThatExceptionOfType(TargetGuard.Refused.class)
            .isThrownBy(() -> this.strict.checkAddresses(this.strict.parse(url)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/hook", "https://localhost/hook" })
    void allowPrivateTargetsLetsLocalTargetsThrough(String url) {
        this.relaxed.checkAddresses(this.relaxed.parse(url));
    }

    static NotifyProperties properties(boolean allowPrivate) {
        return new NotifyProperties(true, allowPrivate, "x@example.com", Duration.ofSeconds(1), 500, 2000, 32,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(2), Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(48),
                Duration.ofMinutes(5), 10, 1000, Duration.ofDays(30), Duration.ofHours(1), 1000, 3, Duration.ofHours(24),
                null);
    }

}
