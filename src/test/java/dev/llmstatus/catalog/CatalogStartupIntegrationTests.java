package dev.llmstatus.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.LlmStatusApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the real application in its own JVM with a broken catalog, as an operator would.
 */
class CatalogStartupIntegrationTests {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            provider missing its slug      | '- slug: acme'                          | '- slug: '         | providers[0, name 'Acme AI'].slug: missing
            component with malformed URL   | 'url: https://api.acme.example/models'  | 'url: https//api'   | providers[acme].components[api].probe.url: 'https//api' is not an absolute http or https URL
            misspelt probe field           | 'expect: [401]'                         | 'expect: [401]\\n          intervall: 30s' | providers[acme].components[api].probe.intervall: unknown field (expected one of expect, interval, latencyThreshold, method, timeout, url)
            """)
    void badCatalogStopsStartUpWithOneClearLine(String name, String from, String to, String expected)
            throws IOException, InterruptedException {
        String catalog = """
                providers:
                  - slug: acme
                    name: Acme AI
                    website: https://acme.example
                    apiBaseUrl: https://api.acme.example
                    docs:
                      errors: https://docs.acme.example/errors
                    components:
                      - key: api
                        name: API
                        probe:
                          url: https://api.acme.example/models
                          expect: [401]
                """.replace(from, to.replace("\\n", "\n"));
        Path file = Files.writeString(this.dir.resolve("providers.yml"), catalog, StandardCharsets.UTF_8);
        Path log = this.dir.resolve("out.log");
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LlmStatusApplication.class.getName(),
                "--llmstatus.catalog.location=file:" + file, "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:startup", "--llmstatus.probe.enabled=false"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("start-up ends").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isNotZero();
        assertThat(output).containsPattern("Invalid catalog .*providers\\.yml.*: \\Q" + expected + "\\E");
        assertThat(output).doesNotContain("\tat dev.llmstatus", "\tat tools.jackson");
    }

}
