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

    private static final String MODELS = """
                models:
                  - id: acme-1
                    name: Acme One
                    protocol: openai-chat
                    url: https://api.acme.example/v1/chat/completions
                    apiKeyEnv: ACME_API_KEY
            """;

    private static final Catalog bundled = CatalogLoader.load(new ClassPathResource("catalog/providers.yml"));

    @Test
    void bundledCatalogHasAtLeastThirtyProvidersWithStepFunAndSpark() {
        Catalog catalog = bundled;
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            https://api.llama.com/                             | Llama API, retired 2026-07-06
            https://api.hunyuan.cloud.tencent.com/             | Hunyuan's own API, shut down 2026-09-30
            https://api.perplexity.ai/chat/completions         | Sonar chat completions, retired 2026-09-27
            """)
    void noBundledProbeKnocksOnARetiredEndpoint(String retired, String why) {
        // a probe of a dead endpoint fails every time: the page would show an outage that is not there
        assertThat(bundled.providers()).flatMap(Provider::components).as(why)
            .allSatisfy((component) -> assertThat(component.probe().url().toString()).doesNotStartWith(retired));
    }

    @Test
    void retiredProductsLeftTheirProviders() {
        assertThat(bundled.find("meta-llama")).hasValueSatisfying((meta) -> {
            assertThat(meta.name()).isEqualTo("Meta Model API");
            assertThat(meta.apiBaseUrl()).hasToString("https://api.meta.ai/v1");
            assertThat(meta.component("api").orElseThrow().probe().url()).hasToString("https://api.meta.ai/v1/models");
        });
        assertThat(bundled.find("perplexity").orElseThrow().component("api").orElseThrow().probe().url())
            .hasToString("https://api.perplexity.ai/v1/agent");
        assertThat(bundled.find("tencent-hunyuan").orElseThrow().component("api").orElseThrow().probe().url())
            .hasToString("https://tokenhub.tencentmaas.com/v1/chat/completions");
    }

    @Test
    void replicateIsReadFromItsOwnComponentOnCloudflaresPage() {
        assertThat(bundled.find("replicate")).hasValueSatisfying((replicate) -> {
            assertThat(replicate.statusPage().kind()).isEqualTo(StatusPageKind.STATUSPAGE);
            assertThat(replicate.statusPage().api()).hasToString("https://www.cloudflarestatus.com/api/v2/summary.json");
            assertThat(replicate.statusPage().filter()).containsExactly("Replicate");
            assertThat(replicate.component("api")).hasValueSatisfying(
                    (api) -> assertThat(api.officialComponent()).isEqualTo("Replicate"));
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
            missing slug          | '- slug: acme'         | '- slug: '                              | providers[0, name 'Acme AI'].slug: missing
            bad slug              | 'slug: acme'           | 'slug: Acme_AI'                         | providers[Acme_AI].slug: 'Acme_AI' must be lowercase letters, digits and single dashes
            malformed probe url   | 'url: https://api.acme.example/v1/models' | 'url: htp//nope'    | providers[acme].components[api].probe.url: 'htp//nope' is not an absolute http or https URL
            url with spaces       | 'url: https://api.acme.example/v1/models' | 'url: https://a b'  | providers[acme].components[api].probe.url: 'https://a b' is not a URL
            unknown kind          | 'kind: statuspage'     | 'kind: pagerduty'                       | providers[acme].statusPage.kind: 'pagerduty' is not one of statuspage, incidentio, 
            unknown field         | 'api: https://status.acme.example/api/v2/summary.json' | 'url2: x' | providers[acme].statusPage.url2: unknown field (expected one of api, feed, filter, kind, url)
            misspelt probe field  | 'expect: [401]'        | 'expect: [401]\n          intervall: 60s' | providers[acme].components[api].probe.intervall: unknown field (expected one of expect, interval, latencyThreshold, method, timeout, url)
            statuspage needs api  | 'api: https://status.acme.example/api/v2/summary.json' | 'feed: https://status.acme.example/feed' | providers[acme].statusPage.api: missing (kind 'statuspage' needs it)
            bad status            | 'expect: [401]'        | 'expect: [401, 999]'                    | providers[acme].components[api].probe.expect: '999' is not an HTTP status (100-599)
            status as text        | 'expect: [401]'        | 'expect: [401, abc]'                    | providers[acme].components[api].probe.expect[1]: 'abc' is not a number
            empty expect          | 'expect: [401]'        | 'expect: []'                            | providers[acme].components[api].probe.expect: missing or empty list
            expect not a list     | 'expect: [401]'        | 'expect: {a: 1}'                        | providers[acme].components[api].probe.expect: must be a list
            bad method            | 'url: https://api.acme.example/v1/models' | 'method: DELETE'    | providers[acme].components[api].probe.method: 'DELETE' is not a supported method (expected GET, HEAD or POST)
            bad duration          | 'expect: [401]'        | 'expect: [401]\n          interval: soon' | providers[acme].components[api].probe.interval: 'soon' is not a duration (examples: 500ms, 10s, 2m)
            negative duration     | 'expect: [401]'        | 'expect: [401]\n          interval: -5s' | providers[acme].components[api].probe.interval: '-5s' must be positive
            missing errors doc    | 'errors: https://docs.acme.example/errors' | 'rateLimits: https://docs.acme.example/limits' | providers[acme].docs.errors: missing
            missing docs          | 'docs:'                | 'docz:'                                 | providers[acme].docz: unknown field (expected one of aliases, apiBaseUrl, components, docs, models, name, slug, statusPage, website)
            null alias            | 'name: Acme AI'        | 'name: Acme AI\n    aliases: [Acme Corp, null]' | providers[acme].aliases[1]: missing
            duplicate alias       | 'name: Acme AI'        | 'name: Acme AI\n    aliases: [Acme Corp, ACME corp]' | providers[acme].aliases: duplicate entry 'ACME corp'
            alias is a slug       | 'name: Acme AI'        | 'name: Acme AI\n    aliases: [Acme]'   | providers[acme].aliases[0]: 'Acme' is already the slug of 'acme'
            """)
    void badEntryFailsWithOneLineNamingProviderAndField(String name, String from, String to, String expected) {
        String yaml = "providers:\n" + VALID_PROVIDER.replace(from, to.replace("\\n", "\n"));
        assertThat(yaml).as("fixture contains %s", from).isNotEqualTo("providers:\n" + VALID_PROVIDER);
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .satisfies((ex) -> assertThat(ex.getMessage())
                .startsWith("Invalid catalog Byte array resource [test catalog]: " + expected)
                .doesNotContain("\n"));
    }

    @Test
    void duplicateSlugIsNamed() {
        String yaml = "providers:\n" + VALID_PROVIDER + VALID_PROVIDER;
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .withMessage("Invalid catalog Byte array resource [test catalog]: providers[acme].slug: duplicate slug 'acme'");
    }

    @Test
    void feedKindRequiresAFeed() {
        String withoutFeed = "providers:\n" + VALID_PROVIDER.replace("kind: statuspage", "kind: feed")
            .replace("\n          api: https://status.acme.example/api/v2/summary.json", "");
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(withoutFeed))
            .withMessageEndingWith("providers[acme].statusPage.feed: missing (kind 'feed' needs it)");
    }

    @Test
    void timeoutLongerThanIntervalIsRejected() {
        String yaml = "providers:\n" + VALID_PROVIDER.replace("expect: [401]",
                "expect: [401]\n          timeout: 90s\n          interval: 60s");
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .withMessageEndingWith("providers[acme].components[api].probe.timeout: must not be longer than the interval (1m)");
    }

    @Test
    void latencyThresholdFromTheDefaultsMustStayBelowTheTimeout() {
        String yaml = "defaults:\n  latencyThreshold: 20s\nproviders:\n" + VALID_PROVIDER;
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .withMessageEndingWith("providers[acme].components[api].probe.latencyThreshold: must be shorter than the timeout (10s)");
    }

    @Test
    void unknownTopLevelKeyIsAnError() {
        assertThatExceptionOfType(CatalogException.class)
            .isThrownBy(() -> load("default:\n  interval: 30s\nproviders:\n" + VALID_PROVIDER))
            .withMessage("Invalid catalog Byte array resource [test catalog]: default: unknown field (expected one of defaults, providers)");
    }

    @Test
    void brokenYamlIsReportedAsSuch() {
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load("providers: [\n  - {"))
            .withMessageStartingWith("Invalid catalog Byte array resource [test catalog]: is not valid YAML: ")
            .satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
    }

    @Test
    void duplicateKeyIsReportedAsBrokenYaml() {
        assertThatExceptionOfType(CatalogException.class)
            .isThrownBy(() -> load("providers:\n" + VALID_PROVIDER.replace("name: Acme AI", "name: Acme AI\n    name: Acme")))
            .withMessageContaining("is not valid YAML: Duplicate Object property \"name\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Claude          | anthropic
            chatgpt         | openai
            '  GPT  '       | openai
            Gemini          | google-gemini
            Kimi            | moonshot
            GLM             | zhipu
            Qwen            | alibaba-qwen
            通义             | alibaba-qwen
            星火             | iflytek-spark
            讯飞             | iflytek-spark
            阶跃             | stepfun
            文心             | baidu-qianfan
            ERNIE           | baidu-qianfan
            豆包             | bytedance-doubao
            混元             | tencent-hunyuan
            Llama           | meta-llama
            Muse Spark      | meta-llama
            TokenHub        | tencent-hunyuan
            StepFun         | stepfun
            iflytek-spark   | iflytek-spark
            Anthropic       | anthropic
            """)
    void namesPeopleTypeFindTheirProvider(String typed, String slug) {
        assertThat(bundled.findByNameOrAlias(typed)).map(Provider::slug).hasValue(slug);
    }

    @Test
    void partialOrUnknownNamesFindNothing() {
        assertThat(bundled.findByNameOrAlias("Claud")).isEmpty();
        assertThat(bundled.findByNameOrAlias("")).isEmpty();
        assertThat(bundled.findByNameOrAlias(null)).isEmpty();
    }

    @Test
    void everyBundledProviderHasAnAlias() {
        assertThat(bundled.providers()).allSatisfy((provider) -> assertThat(provider.aliases()).isNotEmpty());
    }

    @Test
    void anAliasBelongsToOneProviderOnly() {
        String yaml = "providers:\n" + VALID_PROVIDER.replace("name: Acme AI", "name: Acme AI\n    aliases: [Roadrunner]")
                + VALID_PROVIDER.replace("slug: acme", "slug: beta")
                    .replace("name: Acme AI", "name: Beta AI\n    aliases: [ROADRUNNER]");
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .withMessageEndingWith(": providers[beta].aliases[0]: 'ROADRUNNER' is already an alias of 'acme'");
    }

    @Test
    void anAliasMustNotBeAnotherProvidersSlug() {
        String yaml = "providers:\n" + VALID_PROVIDER.replace("name: Acme AI", "name: Acme AI\n    aliases: [Beta]")
                + VALID_PROVIDER.replace("slug: acme", "slug: beta").replace("name: Acme AI", "name: Beta AI");
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load(yaml))
            .withMessageEndingWith(": providers[acme].aliases[0]: 'Beta' is already the slug of 'beta'");
    }

    @Test
    void modelsBindWithTheirDefaults() {
        ModelDefinition model = load("providers:\n" + VALID_PROVIDER + MODELS).find("acme").orElseThrow()
            .model("acme-1").orElseThrow();
        assertThat(model.name()).isEqualTo("Acme One");
        assertThat(model.protocol()).isEqualTo(ModelProtocol.OPENAI_CHAT);
        assertThat(model.url()).hasToString("https://api.acme.example/v1/chat/completions");
        assertThat(model.apiKeyEnv()).isEqualTo("ACME_API_KEY");
        assertThat(model.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(model.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(model.ttftThreshold()).isEqualTo(Duration.ofSeconds(5));
        assertThat(model.minTokensPerSecond()).isEqualTo(5.0);
        ModelDefinition second = load("providers:\n" + VALID_PROVIDER + MODELS.replace("acme-1", "acme-2")
            .replace("protocol: openai-chat", "protocol: anthropic-messages\n        interval: 1m\n        timeout: 20s"
                    + "\n        ttftThreshold: 2s\n        minTokensPerSecond: 12.5")).find("acme").orElseThrow()
            .models().get(0);
        assertThat(second.protocol()).isEqualTo(ModelProtocol.ANTHROPIC_MESSAGES);
        assertThat(second.interval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(second.timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(second.ttftThreshold()).isEqualTo(Duration.ofSeconds(2));
        assertThat(second.minTokensPerSecond()).isEqualTo(12.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown protocol  | 'protocol: openai-chat'  | 'protocol: openai-responses' | providers[acme].models[acme-1].protocol: 'openai-responses' is not one of openai-chat, anthropic-messages, gemini-generate
            relative url      | 'url: https://api.acme.example/v1/chat/completions' | 'url: /v1/chat/completions' | providers[acme].models[acme-1].url: '/v1/chat/completions' is not an absolute http or https URL
            ftp url           | 'url: https://api.acme.example/v1/chat/completions' | 'url: ftp://api.acme.example/x' | providers[acme].models[acme-1].url: 'ftp://api.acme.example/x' is not an absolute http or https URL
            no url            | '        url: https://api.acme.example/v1/chat/completions\n' | ''  | providers[acme].models[acme-1].url: missing
            key in the file   | 'apiKeyEnv: ACME_API_KEY' | 'apiKey: sk-123'            | providers[acme].models[acme-1].apiKey: unknown field (expected one of apiKeyEnv, id, interval, maxTokens, minTokensPerSecond, name, protocol, timeout, ttftThreshold, url)
            bad key variable  | 'apiKeyEnv: ACME_API_KEY' | 'apiKeyEnv: ACME-KEY'       | providers[acme].models[acme-1].apiKeyEnv: 'ACME-KEY' is not an environment variable name
            misspelt field    | 'protocol: openai-chat'  | 'protocol: openai-chat\n        intervall: 5m' | providers[acme].models[acme-1].intervall: unknown field
            slow threshold    | 'protocol: openai-chat'  | 'protocol: openai-chat\n        ttftThreshold: 30s' | providers[acme].models[acme-1].ttftThreshold: must be shorter than the timeout (30s)
            long timeout      | 'protocol: openai-chat'  | 'protocol: openai-chat\n        interval: 20s' | providers[acme].models[acme-1].timeout: must not be longer than the interval (20s)
            zero rate         | 'protocol: openai-chat'  | 'protocol: openai-chat\n        minTokensPerSecond: 0' | providers[acme].models[acme-1].minTokensPerSecond: '0.0' must be greater than 0
            missing id        | '- id: acme-1'           | '- id: " "'                 | providers[acme].models[0, name 'Acme One'].id: missing
            spaces in id      | '- id: acme-1'           | '- id: acme 1'              | providers[acme].models[acme 1].id: 'acme 1' must not contain spaces
            """)
    void badModelFailsWithOneLineNamingProviderModelAndField(String name, String from, String to, String expected) {
        String models = MODELS.replace(from, to.replace("\\n", "\n"));
        assertThat(models).as("fixture contains %s", from).isNotEqualTo(MODELS);
        assertThatExceptionOfType(CatalogException.class).isThrownBy(() -> load("providers:\n" + VALID_PROVIDER + models))
            .satisfies((ex) -> assertThat(ex.getMessage()).contains(expected).doesNotContain("\n"));
    }

    @Test
    void modelIdsAreUniqueWithinAProvider() {
        assertThatExceptionOfType(CatalogException.class)
            .isThrownBy(() -> load("providers:\n" + VALID_PROVIDER + MODELS + MODELS.replace("    models:\n", "")))
            .withMessageEndingWith(": providers[acme].models[acme-1].id: duplicate model id 'acme-1'");
    }

    private static Catalog load(String yaml) {
        return CatalogLoader.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test catalog"));
    }

}
