package dev.llmstatus.errors;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.llmstatus.LlmStatusApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real application in its own JVM with a broken knowledge base ahead of the bundled one on the class
 * path, as a contributor with a typo would.
 */
class KnowledgeBaseStartupIntegrationTests {

    private static final String TOPIC = """
            slug: 500-internal-server-error
            code: "500"
            title: Internal server error
            appliesTo: all
            reportType: API_ERRORS
            summary: "{provider} failed."
            meaning: "Something broke."
            signatures: ["500 Internal Server Error"]
            causes: ["A bug."]
            fixes: ["Retry."]
            retry:
              helps: "yes"
              advice: "Retry with backoff."
            faq:
              - q: "Is it me?"
                a: "No."
            """;

    @TempDir
    Path dir;

    @Test
    void overlayForAProviderOutsideTheCatalogStopsStartUpWithOneClearLine() throws IOException, InterruptedException {
        write("errors/topics/500-internal-server-error.yml", TOPIC);
        write("errors/providers/acme.yml", """
                provider: acme
                topics:
                  500-internal-server-error:
                    httpStatus: 500
                """);
        write("errors/retry-examples.yml", "java: x\npython: y\n");
        assertStartUpFailsWith("Invalid error knowledge base file .*providers/acme\\.yml\\]: "
                + "provider: unknown provider 'acme' \\(not in the catalog\\)");
    }

    @Test
    void misspeltFieldInATopicStopsStartUpWithOneClearLine() throws IOException, InterruptedException {
        write("errors/topics/500-internal-server-error.yml", TOPIC.replace("  advice:", "  advise:"));
        write("errors/retry-examples.yml", "java: x\npython: y\n");
        assertStartUpFailsWith("Invalid error knowledge base file .*topics/500-internal-server-error\\.yml\\]: "
                + "retry\\.advise: unknown field \\(expected one of advice, helps\\)");
    }

    private void assertStartUpFailsWith(String pattern) throws IOException, InterruptedException {
        Path log = this.dir.resolve("out.log");
        String classPath = this.dir + File.pathSeparator + System.getProperty("java.class.path");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, LlmStatusApplication.class.getName(), "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:errors-startup", "--llmstatus.probe.enabled=false"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("start-up ends").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).containsPattern(pattern);
        assertThat(output).doesNotContain("\tat dev.llmstatus", "\tat tools.jackson");
    }

    private void write(String name, String content) throws IOException {
        Path file = this.dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

}
