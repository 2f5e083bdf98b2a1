package dev.llmstatus.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CatalogLoaderTests {

    private static final String VALID_PROVIDER = """
              - slug: acme
                name: Acme AI
                website: https://acme.example
                apiBaseUrl: https://api.acme.example/v1
                docs:
                  errors: https://docs.acme.example/errors
                statusPage:
                  kind: statuspage
                  url: https://status.acme.example
                  api: https://status.acme.example/api/v2/summary.json
                components:
                  - key: api
                    name: API
                    probe:
                      url: https://api.acme.example/v1/models
                      expect: [401]
            """;

    @Test
    void bundledCatalogHasAtLeastThirtyProvidersWithStepFunAndSpark() {
        Catalog catalog = CatalogLoader.load(new ClassPathResource("catalog/providers.yml"));
        assertThat(catalog.providers()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(catalog.find("stepfun")).hasValueSatisfying((provider) -> {
            assertThat(provider.name()).isEqualTo("StepFun");
            assertThat(provider.component("api")).isPresent();
        });
        assertThat(catalog.find("iflytek-spark")).isPresent();
        assertThat(catalog.providers()).allSatisfy((provider) -> {
            assertThat(provider.docs().errors()).isNotNull();
            assertThat(provider.components()).isNotEmpty();
        });
    }

    @Test
    void defaultsApplyWhereAProbeSaysNothing() {
        Catalog catalog = load("""
                defaults:
                  interval: 30s
                  timeout: 5s
                  latencyThreshold: 1500ms
                providers:
                """ + VALID_PROVIDER);
        ProbeDefinition probe = catalog.find("acme").orElseThrow().components().get(0).probe();
        assertThat(probe.method()).isEqualTo("GET");
        assertThat(probe.expect()).isEqualTo(Set.of(401));
        assertThat(probe.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(probe.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(probe.latencyThreshold()).isEqualTo(Duration.ofMillis(1500));
        assertThat(catalog.find("acme").orElseThrow().statusPage().kind()).isEqualTo(StatusPageKind.STATUSPAGE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing slug          | '- slug: acme'         | '- slug: '                              | provider #1 (name 'Acme AI'): slug: missing
            bad slug              | 'slug: acme'           | 'slug: Acme_AI'                         | provider 'Acme_AI': slug: 'Acme_AI' must be lowercase
            malformed probe url   | 'url: https://api.acme.example/v1/models' | 'url: htp//nope'    | provider 'acme': components[0].probe.url: malformed URL 'htp//nope'
            unknown kind          | 'kind: statuspage'     | 'kind: pagerduty'                       | provider 'acme': statusPage.kind: unknown kind 'pagerduty'
            statuspage needs api  | 'api: https://status.acme.example/api/v2/summary.json' | 'url2: x' | provider 'acme': statusPage.url2: unknown field
            bad status            | 'expect: [401]'        | 'expect: [401, 999]'                    | provider 'acme': components[0].probe.expect: '999' is not an HTTP status
            empty expect          | 'expect: [401]'        | 'expect: []'                            | provider 'acme': components[0].probe.expect: missing or empty list
            bad method            | 'url: https://api.acme.example/v1/models' | 'method: DELETE'    | provider 'acme': components[0].probe.method: unsupported method 'DELETE'
            bad duration          | 'expect: [401]'        | 'expect: [401]\\n          interval: soon' | provider 'acme': components[0].probe.interval: 'soon' is not a duration
            missing errors doc    | 'errors: https://docs.acme.example/errors' | 'rateLimits: https://docs.acme.example/limits' | provider 'acme': docs.errors: missing
            """)
    void badEntryFailsWithOneLineNamingProviderAndField(String name, String from, String to, String expected) {
        String yaml = "providers:\n" + VALID_PROVIDER.replace(from, to.replace("\\n", "\n"));
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .satisfies((ex) -> assertThat(ex.getMessage()).contains(expected).doesNotContain("\n"));
    }

    @Test
    void duplicateSlugIsNamed() {
        String yaml = "providers:\n" + VALID_PROVIDER + VALID_PROVIDER;
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .withMessageContaining("provider 'acme': slug: duplicate slug 'acme'");
    }

    @Test
    void feedKindRequiresAFeed() {
        String yaml = "providers:\n" + VALID_PROVIDER.replace("kind: statuspage", "kind: feed")
            .replace("api: https://status.acme.example/api/v2/summary.json", "url: https://status.acme.example");
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .withMessageContaining("statusPage.feed: missing");
    }

    @Test
    void timeoutLongerThanIntervalIsRejected() {
        String yaml = "providers:\n" + VALID_PROVIDER.replace("expect: [401]",
                "expect: [401]\n          timeout: 90s\n          interval: 60s");
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .withMessageContaining("components[0].probe.timeout: must not be longer than the interval");
    }

    @Test
    void brokenYamlIsReportedAsSuch() {
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load("providers: [\n  - {"))
            .withMessageContaining("is not valid YAML");
    }

    private static Catalog load(String yaml) {
        return CatalogLoader.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test catalog"));
    }

}
