package dev.llmstatus.errors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ClassPathResource;

import dev.llmstatus.catalog.Catalog;
import dev.llmstatus.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KnowledgeBaseLoaderTests {

    private static final Catalog catalog = CatalogLoader.load(new ClassPathResource("catalog/providers.yml"));

    private static final String RATE_LIMIT = """
            slug: 429-rate-limit-exceeded
            code: "429"
            aliases: ["429"]
            title: Rate limit exceeded
            httpStatuses: [429]
            appliesTo: all
            reportType: RATE_LIMITS
            probeOutcomes: [RATE_LIMITED]
            summary: "{provider} refused the request because of **your** limit."
            meaning: |
              Too many requests. <script>alert(1)</script>

              See [the docs](https://example.com/limits) or [this](javascript:alert(1)).
            signatures: ["429 Too Many Requests"]
            causes: ["Too many requests per minute."]
            fixes: ["Wait for `retry-after`."]
            retry:
              helps: "yes"
              advice: "Back off."
            faq:
              - q: "Why does {provider} send `429`?"
                a: "Because you sent too much."
            """;

    private static final String OVERLOADED = """
            slug: 529-overloaded
            code: "529"
            aliases: ["529"]
            title: Overloaded
            httpStatuses: [529]
            appliesTo: overlay
            reportType: API_ERRORS
            probeOutcomes: [DOWN]
            summary: "{provider} is overloaded."
            meaning: "Everyone is busy."
            signatures: ["overloaded_error"]
            causes: ["Load."]
            fixes: ["Retry."]
            retry:
              helps: "yes"
              advice: "Retry with jitter."
            faq:
              - q: "Is it me?"
                a: "No."
            """;

    private static final String ANTHROPIC = """
            provider: anthropic
            errorFormat: "JSON `{\\"type\\":\\"error\\"}`"
            rateLimitHeaders: [anthropic-ratelimit-requests-remaining]
            identifiers: [api.anthropic.com]
            topics:
              529-overloaded:
                httpStatus: 529
                codes: ["overloaded_error"]
                notes: "Not your quota, {provider} says."
            example:
              protocol: anthropic-messages
              path: /messages
              model: claude-test
              keyVariable: ANTHROPIC_API_KEY
            """;

    private static final String EXAMPLES = """
            java:
              code: |
                class Retry {
                {request}
                }
              requests:
                openai-chat: |
                  post("{url}", "{keyHeader}", "{keyPrefix}" + env("{keyVariable}"), "{model}");
                anthropic-messages: |
                  post("{url}", "{keyHeader}", env("{keyVariable}"), "{model}", "anthropic-version");
                gemini-generate: |
                  post("{url}", "{keyHeader}", env("{keyVariable}"));
            python:
              code: |
                def retry():
                {request}
              requests:
                openai-chat: '    post("{url}")'
                anthropic-messages: '    post("{url}")'
                gemini-generate: '    post("{url}")'
            """;

    private static final Map<String, String> FILES = Map.of("topics/429-rate-limit-exceeded.yml", RATE_LIMIT,
            "topics/529-overloaded.yml", OVERLOADED, "providers/anthropic.yml", ANTHROPIC, "retry-examples.yml",
            EXAMPLES);

    @TempDir
    Path dir;

    @BeforeEach
    void writeValidKnowledgeBase() throws IOException {
        for (Map.Entry<String, String> file : FILES.entrySet()) {
            write(file.getKey(), file.getValue());
        }
    }

    @Test
    void validFilesLoadAndOverlayTopicsReachOnlyTheirProviders() {
        KnowledgeBase knowledgeBase = load();
        assertThat(knowledgeBase.topics()).extracting(ErrorTopic::slug)
            .containsExactly("429-rate-limit-exceeded", "529-overloaded");
        assertThat(knowledgeBase.pagesFor("anthropic")).hasSize(2);
        assertThat(knowledgeBase.pagesFor("stepfun")).extracting(ProviderErrorPage::slug)
            .containsExactly("429-rate-limit-exceeded");
        assertThat(knowledgeBase.page("anthropic", "529").orElseThrow().retryExamples()).satisfies((retry) -> {
            assertThat(retry.java()).isEqualTo("class Retry {\n"
                    + "post(\"https://api.anthropic.com/v1/messages\", \"x-api-key\", env(\"ANTHROPIC_API_KEY\"), "
                    + "\"claude-test\", \"anthropic-version\");\n}\n");
            assertThat(retry.javascript()).isNull();
        });
        assertThat(knowledgeBase.page("stepfun", "429").orElseThrow().retryExamples().java())
            .contains("post(\"https://api.example.com/v1/chat/completions\", \"Authorization\", \"Bearer \" + env(\"API_KEY\"), \"MODEL_NAME\")");
        ProviderErrorPage page = knowledgeBase.page("anthropic", "529").orElseThrow();
        assertThat(page.specifics().notesHtml()).isEqualTo("<p>Not your quota, Anthropic says.</p>");
        assertThat(page.specifics().errorFormatHtml()).isEqualTo("JSON <code>{&quot;type&quot;:&quot;error&quot;}</code>");
    }

    @Test
    void markdownIsRenderedWithRawHtmlEscapedAndOnlyWebLinks() {
        ProviderErrorPage page = load().page("stepfun", "429-rate-limit-exceeded").orElseThrow();
        assertThat(page.meaningHtml()).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
            .contains("rel=\"nofollow noopener noreferrer\" href=\"https://example.com/limits\">the docs</a>")
            .contains("<a rel=\"nofollow\">this</a>")
            .doesNotContain("<script", "javascript");
        assertThat(page.summary()).isEqualTo("StepFun refused the request because of your limit.");
        assertThat(page.summaryHtml()).isEqualTo("StepFun refused the request because of <strong>your</strong> limit.");
        assertThat(page.fixesHtml()).containsExactly("Wait for <code>retry-after</code>.");
        assertThat(page.faq()).singleElement().satisfies((faq) -> {
            assertThat(faq.question()).isEqualTo("Why does StepFun send \"429\"?");
            assertThat(faq.answerHtml()).isEqualTo("Because you sent too much.");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            duplicate alias       | topics/529-overloaded.yml          | 'aliases: ["529"]'          | 'aliases: ["429"]'           | topics/529-overloaded.yml]: aliases[0]: duplicate alias '429' is already used by topic '429-rate-limit-exceeded'
            unknown provider      | providers/anthropic.yml            | 'provider: anthropic'       | 'provider: antropic'         | providers/anthropic.yml]: provider: unknown provider 'antropic' (not in the catalog)
            missing title         | topics/429-rate-limit-exceeded.yml | 'title: Rate limit exceeded' | 'title: '                   | topics/429-rate-limit-exceeded.yml]: title: missing
            bad report type       | topics/429-rate-limit-exceeded.yml | 'reportType: RATE_LIMITS'   | 'reportType: rate-limits'    | reportType: 'rate-limits' must be the name of a constant, such as API_ERRORS
            unknown topic key     | providers/anthropic.yml            | '  529-overloaded:'         | '  529-overload:'            | providers/anthropic.yml]: topics.529-overload: unknown topic '529-overload' (expected one of 429-rate-limit-exceeded, 529-overloaded)
            alias as topic key    | providers/anthropic.yml            | '  529-overloaded:'         | '  "529":'                   | topics.529: '529' is an alias; use the slug '529-overloaded'
            misspelt field        | topics/429-rate-limit-exceeded.yml | 'title:'                    | 'titel:'                     | topics/429-rate-limit-exceeded.yml]: titel: unknown field
            bad retry verdict     | topics/529-overloaded.yml          | 'helps: "yes"'              | 'helps: maybe'               | retry.helps: 'maybe' is not one of yes, no, sometimes
            bad probe outcome     | topics/429-rate-limit-exceeded.yml | '[RATE_LIMITED]'            | '[Rate limited]'             | probeOutcomes: 'Rate limited' must be the name of a constant, such as API_ERRORS
            bad status            | topics/429-rate-limit-exceeded.yml | 'httpStatuses: [429]'       | 'httpStatuses: [4290]'       | httpStatuses[0]: '4290' is not an HTTP status (100-599)
            bad overlay status    | providers/anthropic.yml            | 'httpStatus: 529'           | 'httpStatus: overloaded'     | topics.529-overloaded.httpStatus: 'overloaded' is not a number
            unknown placeholder   | topics/529-overloaded.yml          | '{provider} is overloaded.' | '{providr} is overloaded.'   | summary: unknown placeholder '{providr}' (only {provider} and {statusPage} are replaced)
            status page in prose  | topics/529-overloaded.yml          | '{provider} is overloaded.' | 'See {statusPage}.'          | summary: '{statusPage}' may only stand in causes, fixes and FAQ answers
            slug not file name    | topics/529-overloaded.yml          | 'slug: 529-overloaded'      | 'slug: 529'                  | slug: '529' does not match the file name '529-overloaded.yml'
            faq without answer    | topics/529-overloaded.yml          | '    a: "No."'              | '    b: "No."'               | faq[0].b: unknown field
            empty causes          | topics/529-overloaded.yml          | 'causes: ["Load."]'         | 'causes: []'                 | causes: missing or empty list
            duplicate signature   | topics/529-overloaded.yml          | '["overloaded_error"]'      | '["Overloaded_error", "overloaded_error"]' | signatures: duplicate entry 'overloaded_error'
            duplicate key         | topics/529-overloaded.yml          | 'title: Overloaded'         | 'title: Overloaded\\ntitle: Busy' | topics/529-overloaded.yml]: is not valid YAML: Duplicate Object property "title"
            retry placeholder     | retry-examples.yml                 | '"{model}");'               | '"{modell}");'               | retry-examples.yml]: java.requests.openai-chat: unknown placeholder '{modell}'
            no request line       | retry-examples.yml                 | '    {request}\n    }'      | '    {request} here\n    }'  | retry-examples.yml]: java.code: must have a line {request}
            example protocol      | providers/anthropic.yml            | 'protocol: anthropic-messages' | 'protocol: anthropic'     | providers/anthropic.yml]: example.protocol: 'anthropic' is not one of openai-chat, anthropic-messages, gemini-generate
            example key variable  | providers/anthropic.yml            | 'keyVariable: ANTHROPIC_API_KEY' | 'keyVariable: $KEY'     | example.keyVariable: '$KEY' is not an environment variable name
            overlay topic unused  | providers/anthropic.yml            | '  529-overloaded:'         | '  429-rate-limit-exceeded:' | appliesTo: 'overlay' but no provider overlay lists '529-overloaded'
            """)
    void badFileFailsWithOneLineNamingFileAndField(String name, String file, String from, String to, String expected)
            throws IOException {
        String original = FILES.get(file);
        String source = from.replace("\\n", "\n");
        assertThat(original).as("fixture contains %s", from).contains(source);
        write(file, original.replace(source, to.replace("\\n", "\n")));
        assertThatExceptionOfType(KnowledgeBaseException.class).isThrownBy(this::load)
            .satisfies((ex) -> assertThat(ex.getMessage()).contains(expected).doesNotContain("\n"));
    }

    @Test
    void missingRetryExamplesAreNamed() throws IOException {
        Files.delete(this.dir.resolve("retry-examples.yml"));
        assertThatExceptionOfType(KnowledgeBaseException.class).isThrownBy(this::load)
            .withMessageEndingWith(": retry-examples.yml is missing");
    }

    @Test
    void anEmptyLocationIsNamed() {
        assertThatExceptionOfType(KnowledgeBaseException.class)
            .isThrownBy(() -> KnowledgeBaseLoader.load("file:" + this.dir.resolve("nothing-here") + "/", catalog, true))
            .withMessageEndingWith(": no topic files (topics/*.yml)");
    }

    @Test
    void overlaysOfProvidersMissingFromAnOperatorsOwnCatalogAreSkipped() {
        Catalog withoutAnthropic = new Catalog(catalog.providers().stream()
            .filter((provider) -> !provider.slug().equals("anthropic"))
            .toList());
        assertThatExceptionOfType(KnowledgeBaseException.class)
            .isThrownBy(() -> KnowledgeBaseLoader.load("file:" + this.dir + "/", withoutAnthropic, true))
            .withMessageContaining("unknown provider 'anthropic'");
        KnowledgeBase lenient = KnowledgeBaseLoader.load("file:" + this.dir + "/", withoutAnthropic, false);
        assertThat(lenient.overlays()).isEmpty();
        assertThat(lenient.pagesFor("stepfun")).extracting(ProviderErrorPage::slug)
            .containsExactly("429-rate-limit-exceeded");
    }

    private KnowledgeBase load() {
        return KnowledgeBaseLoader.load("file:" + this.dir + "/", catalog, true);
    }

    private void write(String name, String content) throws IOException {
        Path file = this.dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

}
