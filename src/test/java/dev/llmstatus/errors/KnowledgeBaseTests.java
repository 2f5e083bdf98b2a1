package dev.llmstatus.errors;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.report.ReportType;
import dev.llmstatus.catalog.CatalogLoader;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.probe.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled knowledge base, loaded from the real files against the real catalog.
 */
class KnowledgeBaseTests {

    private static final Catalog catalog = CatalogLoader.load(new ClassPathResource("catalog/providers.yml"));

    private static final KnowledgeBase knowledgeBase = KnowledgeBase.bundled(catalog);

    @Test
    void bundledTopicsAreAllThereWithEverySectionFilledIn() {
        assertThat(knowledgeBase.topics()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(knowledgeBase.topics()).extracting(ErrorTopic::slug)
            .contains("429-rate-limit-exceeded", "quota-exceeded", "401-unauthorized", "403-forbidden",
                    "404-model-not-found", "400-context-length-exceeded", "400-invalid-request", "413-request-too-large",
                    "500-internal-server-error", "502-bad-gateway", "503-service-unavailable", "504-gateway-timeout",
                    "529-overloaded", "content-filter", "slow-streaming");
        assertThat(knowledgeBase.topics()).allSatisfy((topic) -> {
            assertThat(topic.code()).isNotBlank();
            assertThat(topic.title()).isNotBlank();
            assertThat(topic.summary()).isNotBlank();
            assertThat(topic.meaning()).isNotBlank();
            assertThat(topic.signatures()).as(topic.slug()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(topic.causes()).as(topic.slug()).hasSizeBetween(4, 6);
            assertThat(topic.fixes()).as(topic.slug()).hasSizeBetween(4, 7);
            assertThat(topic.faq()).as(topic.slug()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(topic.retry().advice()).isNotBlank();
        });
    }

    @Test
    void providersWithoutAnOfficialStatusPageAreNeverSentToOne() {
        assertThat(catalog.providers()).filteredOn((provider) -> !provider.statusPage().exists()).isNotEmpty()
            .allSatisfy((provider) -> assertThat(knowledgeBase.pagesFor(provider.slug())).allSatisfy((page) -> {
                String said = String.join(" ", page.causesHtml()) + String.join(" ", page.fixesHtml())
                        + page.meaningHtml() + page.retryAdviceHtml()
                        + page.faq().stream().map(ProviderErrorPage.Faq::answerHtml).toList()
                        + page.specifics().notesHtml();
                assertThat(said).as(provider.slug() + " " + page.slug()).doesNotContainIgnoringCase("status page")
                    .doesNotContain("{statusPage}");
            }));
        ProviderErrorPage stepfun = knowledgeBase.page("stepfun", "500-internal-server-error").orElseThrow();
        assertThat(stepfun.fixesHtml()).contains("Check the live signals on this page for an incident.");
    }

    @Test
    void providersWithAnOfficialStatusPageGetALinkToIt() {
        ProviderErrorPage anthropic = knowledgeBase.page("anthropic", "503").orElseThrow();
        assertThat(anthropic.fixesHtml()).contains("Look for an incident on <a rel=\"nofollow noopener noreferrer\" "
                + "href=\"https://status.claude.com\">Anthropic's official status page</a>.");
        assertThat(knowledgeBase.generalPage("503").orElseThrow().fixesHtml())
            .contains("Look for an incident on the provider's official status page.");
    }

    @Test
    void aProvidersOwnListHoldsOnlyItsOwnStringsAndNeutralOnes() {
        Map<String, Set<String>> owners = new HashMap<>();
        knowledgeBase.overlays().forEach((overlay) -> overlay.topics().values().forEach((own) -> Stream
            .concat(own.codes().stream(), own.signatures().stream())
            .forEach((string) -> owners.computeIfAbsent(string.toLowerCase(Locale.ROOT), (key) -> new HashSet<>())
                .add(overlay.provider()))));
        assertThat(catalog.providers()).allSatisfy((provider) -> assertThat(knowledgeBase.pagesFor(provider.slug()))
            .allSatisfy((page) -> assertThat(page.signatures()).allSatisfy((signature) -> assertThat(
                    owners.getOrDefault(signature.toLowerCase(Locale.ROOT), Set.of(provider.slug())))
                .as(provider.slug() + " " + page.slug() + " lists " + signature)
                .contains(provider.slug()))));
        ProviderErrorPage stepfun = knowledgeBase.page("stepfun", "401").orElseThrow();
        assertThat(stepfun.signatures()).startsWith("Incorrect API key provided").contains("401 Unauthorized")
            .doesNotContain("authentication_error", "x-api-key header is required", "InvalidApiKey");
        assertThat(knowledgeBase.generalPage("401").orElseThrow().signatures())
            .contains("authentication_error", "InvalidApiKey", "401 Unauthorized");
    }

    @Test
    void topicsAreOrderedByTheirLeadingCode() {
        List<String> slugs = knowledgeBase.topics().stream().map(ErrorTopic::slug).toList();
        assertThat(slugs.indexOf("401-unauthorized")).isLessThan(slugs.indexOf("429-rate-limit-exceeded"));
        assertThat(slugs.indexOf("429-rate-limit-exceeded")).isLessThan(slugs.indexOf("quota-exceeded"));
        assertThat(slugs).last().isEqualTo("slow-streaming");
    }

    @Test
    void everyOverlayBelongsToACatalogProvider() {
        assertThat(knowledgeBase.overlays()).hasSizeGreaterThanOrEqualTo(24);
        assertThat(knowledgeBase.overlays())
            .allSatisfy((overlay) -> assertThat(catalog.find(overlay.provider())).as(overlay.provider()).isPresent());
    }

    @Test
    void everyProviderGetsEveryTopicThatAppliesToAll() {
        List<String> forAll = knowledgeBase.topics().stream()
            .filter((topic) -> topic.appliesTo() == ErrorTopic.AppliesTo.ALL)
            .map(ErrorTopic::slug)
            .toList();
        for (Provider provider : catalog.providers()) {
            assertThat(knowledgeBase.pagesFor(provider.slug())).extracting(ProviderErrorPage::slug)
                .as(provider.slug())
                .containsAll(forAll);
        }
    }

    @Test
    void overloaded529PageExistsOnlyForAnthropic() {
        assertThat(catalog.providers().stream()
            .filter((provider) -> knowledgeBase.page(provider.slug(), "529-overloaded").isPresent())
            .map(Provider::slug)).containsExactly("anthropic");
        assertThat(knowledgeBase.page("openai", "529")).isEmpty();
    }

    @Test
    void noRenderedPageLeavesAPlaceholderOrRawMarkupBehind() {
        catalog.providers().stream().flatMap((provider) -> knowledgeBase.pagesFor(provider.slug()).stream())
            .forEach((page) -> {
                String all = String.join("\n", Stream.of(List.of(page.headline(), page.summary(), page.summaryHtml(),
                        page.meaningHtml(), page.retryAdviceHtml()), page.causesHtml(), page.fixesHtml(),
                        page.faq().stream().flatMap((faq) -> Stream.of(faq.question(), faq.answerHtml())).toList())
                    .flatMap(List::stream)
                    .toList());
                assertThat(all).as(page.headline()).doesNotContain("{provider}", "`", "**", "<script");
                assertThat(all).contains(page.providerName());
            });
    }

    @Test
    void headlineNamesProviderTitleAndCode() {
        assertThat(knowledgeBase.page("stepfun", "429").orElseThrow().headline())
            .isEqualTo("StepFun: Rate limit exceeded (429)");
        assertThat(knowledgeBase.page("iflytek-spark", "quota-exceeded").orElseThrow().headline())
            .startsWith("iFlytek").endsWith(": Quota or credit exhausted (429/402)");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            429,                     429-rate-limit-exceeded
            402,                     quota-exceeded
            timeout,                 504-gateway-timeout
            451,                     content-filter
            429-rate-limit-exceeded, 429-rate-limit-exceeded
            """)
    void aliasesAndSlugsFindTheirTopic(String key, String slug) {
        assertThat(knowledgeBase.topic(key)).hasValueSatisfying((topic) -> assertThat(topic.slug()).isEqualTo(slug));
        assertThat(knowledgeBase.isAlias(key)).isEqualTo(!key.equals(slug));
        assertThat(knowledgeBase.page("stepfun", key)).hasValueSatisfying(
                (page) -> assertThat(page.slug()).isEqualTo(slug));
    }

    @Test
    void unknownNamesFindNothing() {
        assertThat(knowledgeBase.topic("418")).isEmpty();
        assertThat(knowledgeBase.topic(null)).isEmpty();
        assertThat(knowledgeBase.isAlias("418")).isFalse();
        assertThat(knowledgeBase.pagesFor("no-such-provider")).isEmpty();
        assertThat(knowledgeBase.page("no-such-provider", "429")).isEmpty();
    }

    @Test
    void providerPagesCarryTheOverlay() {
        ProviderErrorPage anthropic = knowledgeBase.page("anthropic", "529").orElseThrow();
        assertThat(anthropic.specifics().codes()).containsExactly("overloaded_error");
        assertThat(anthropic.specifics().rateLimitHeaders()).contains("anthropic-ratelimit-requests-remaining");
        ProviderErrorPage stepfun = knowledgeBase.page("stepfun", "content-filter").orElseThrow();
        assertThat(stepfun.specifics().httpStatus()).isEqualTo(451);
        assertThat(stepfun.specifics().notesHtml()).contains("451");
        ProviderErrorPage zhipu = knowledgeBase.page("zhipu", "429").orElseThrow();
        assertThat(zhipu.specifics().codes()).contains("1302");
        assertThat(zhipu.signatures()).first().isEqualTo("并发数过高");
    }

    @Test
    void providerWithoutOverlayTopicsGetsTheGenericPages() {
        assertThat(knowledgeBase.overlay("meta-llama")).hasValueSatisfying((overlay) -> assertThat(overlay.topics())
            .isEmpty());
        ProviderErrorPage page = knowledgeBase.page("meta-llama", "500").orElseThrow();
        assertThat(page.specifics().present()).isFalse();
        assertThat(page.specifics().errorFormatHtml()).isNull();
        assertThat(page.signatures()).isEqualTo(page.topic().signatures());
    }

    @Test
    void retryExamplesAreCompleteForJavaAndPython() {
        RetryExamples examples = knowledgeBase.page("openai", "429").orElseThrow().retryExamples();
        assertThat(examples.java()).contains("java.net.http.HttpClient", "retry-after-ms", "RFC_1123_DATE_TIME",
                "insufficient_quota", "ThreadLocalRandom");
        assertThat(examples.python()).contains("import httpx", "retry-after-ms", "parsedate_to_datetime",
                "insufficient_quota", "random.uniform");
        assertThat(examples.javascript()).contains("retry-after-ms", "Date.parse");
    }

    @Test
    void retryExamplesOnAProvidersPageCallThatProvider() {
        RetryExamples stepfun = knowledgeBase.page("stepfun", "429").orElseThrow().retryExamples();
        assertThat(List.of(stepfun.java(), stepfun.python(), stepfun.javascript())).allSatisfy((code) -> assertThat(code)
            .contains("https://api.stepfun.com/v1/chat/completions", "STEPFUN_API_KEY", "step-3.7-flash", "Bearer ")
            .doesNotContainIgnoringCase("openai")
            .doesNotContainPattern("\\{(request|url|model|keyVariable|keyHeader|keyPrefix)}"));
        assertThat(stepfun.java()).contains(".header(\"Authorization\", \"Bearer \" + System.getenv(\"STEPFUN_API_KEY\"))");
        RetryExamples anthropic = knowledgeBase.page("anthropic", "529").orElseThrow().retryExamples();
        assertThat(anthropic.python()).contains("\"https://api.anthropic.com/v1/messages\"",
                "headers={\"x-api-key\": os.environ[\"ANTHROPIC_API_KEY\"], \"anthropic-version\": \"2023-06-01\"}",
                "\"max_tokens\": 256");
        RetryExamples gemini = knowledgeBase.page("google-gemini", "429").orElseThrow().retryExamples();
        assertThat(gemini.javascript()).contains(
                "https://generativelanguage.googleapis.com/v1beta/models/gemini-3.5-flash-lite:generateContent",
                "\"x-goog-api-key\": process.env.GEMINI_API_KEY", "contents: [{ parts: [{ text: \"Hello\" }] }]");
        RetryExamples azure = knowledgeBase.page("azure-openai", "429").orElseThrow().retryExamples();
        assertThat(azure.java()).contains(".header(\"api-key\", System.getenv(\"AZURE_OPENAI_API_KEY\"))");
        RetryExamples general = knowledgeBase.generalPage("429").orElseThrow().retryExamples();
        assertThat(general.python()).contains("https://api.example.com/v1/chat/completions", "MODEL_NAME", "API_KEY");
    }

    @Test
    void everyProviderWhoseApiSpeaksAProtocolHasAnExampleOnItsOwnBaseUrl() {
        // Replicate's predictions API and Perplexity's Agent API are none of the three protocols: their pages show
        // the placeholder API
        assertThat(catalog.providers())
            .filteredOn((provider) -> !Set.of("replicate", "perplexity").contains(provider.slug()))
            .allSatisfy((provider) -> {
                ApiExample example = knowledgeBase.overlay(provider.slug()).orElseThrow().example();
                assertThat(example).as(provider.slug()).isNotNull();
                assertThat(knowledgeBase.pagesFor(provider.slug()).get(0).retryExamples().python())
                    .contains("\"" + provider.apiBaseUrl() + example.path() + "\"", example.keyVariable());
            });
        assertThat(knowledgeBase.page("replicate", "429").orElseThrow().retryExamples().java())
            .contains("https://api.example.com/v1/chat/completions").doesNotContain("api.replicate.com");
        // Sonar chat completions were retired: no example may send people there
        assertThat(knowledgeBase.page("perplexity", "429").orElseThrow().retryExamples().python())
            .contains("https://api.example.com/v1/chat/completions").doesNotContain("api.perplexity.ai");
    }

    @Test
    void retryExamplesCallTheApiThatReplacedARetiredOne() {
        assertThat(knowledgeBase.page("meta-llama", "429").orElseThrow().retryExamples().python())
            .contains("https://api.meta.ai/v1/chat/completions", "MODEL_API_KEY").doesNotContain("api.llama.com");
        assertThat(knowledgeBase.page("tencent-hunyuan", "429").orElseThrow().retryExamples().python())
            .contains("https://tokenhub.tencentmaas.com/v1/chat/completions")
            .doesNotContain("api.hunyuan.cloud.tencent.com");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(textBlock = """
            429-rate-limit-exceeded,   RATE_LIMITED, 429,  true
            429-rate-limit-exceeded,   DOWN,         429,  false
            503-service-unavailable,   DOWN,         503,  true
            503-service-unavailable,   DOWN,         500,  false
            504-gateway-timeout,       DOWN,         ,     true
            401-unauthorized,          UP,           401,  false
            slow-streaming,            DEGRADED,     200,  true
            """)
    void probeResultsCountTowardTheMatchingTopic(String slug, Outcome outcome, Integer status, boolean matches) {
        assertThat(knowledgeBase.topic(slug).orElseThrow().matchesProbe(outcome.name(), status)).isEqualTo(matches);
    }

    @Test
    void reportTypesAreTheCommunityOnes() {
        assertThat(knowledgeBase.topic("429").orElseThrow().reportType()).isEqualTo(ReportType.RATE_LIMITS.name());
        assertThat(knowledgeBase.topic("slow-streaming").orElseThrow().reportType()).isEqualTo(ReportType.SLOW.name());
        // the knowledge base names them without knowing them: every name must stay one of the real constants
        List<String> reportTypes = Stream.of(ReportType.values()).map(Enum::name).toList();
        List<String> outcomes = Stream.of(Outcome.values()).map(Enum::name).toList();
        assertThat(knowledgeBase.topics()).allSatisfy((topic) -> {
            assertThat(reportTypes).contains(topic.reportType());
            assertThat(outcomes).containsAll(topic.probeOutcomes());
        });
    }

    @Test
    void generalPagesSayTheProviderAndCapitaliseItAtTheStartOfASentence() {
        ProviderErrorPage page = knowledgeBase.generalPage("429").orElseThrow();
        assertThat(page.providerSlug()).isNull();
        assertThat(page.headline()).isEqualTo("Rate limit exceeded (429)");
        assertThat(page.summary()).startsWith("The provider turned the request away");
        assertThat(page.meaningHtml()).contains("A 429 means the provider counted");
        assertThat(page.specifics().present()).isFalse();
        assertThat(knowledgeBase.topics()).allSatisfy((topic) -> {
            ProviderErrorPage general = knowledgeBase.generalPage(topic.slug()).orElseThrow();
            assertThat(general.summary() + general.meaningHtml() + general.causesHtml() + general.fixesHtml()
                    + general.retryAdviceHtml() + general.faq()).as(topic.slug()).doesNotContain("{provider}");
        });
        assertThat(knowledgeBase.generalPage("no-such-topic")).isEmpty();
    }

}
