package dev.llmstatus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.llmstatus.notify.DemoWebhookReceiver;
import dev.llmstatus.probe.ProviderSimulator;
import dev.llmstatus.probe.ProviderSimulator.Behaviour;
import dev.llmstatus.probe.SimulatedCatalog;
import dev.llmstatus.probe.SimulatedModel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The site against simulated providers, without internet: {@code ./mvnw spring-boot:test-run}. Starts a
 * {@link ProviderSimulator}, writes a catalog pointing at it to {@code ./data/simulated/providers.yml}, keeps its
 * history in {@code ./data/simulated} (never the real app's database), and plays a scripted outage so that statuses
 * change while you watch:
 * <ul>
 * <li>Simulated OpenAI-compatible: the API answers 503 for 3 minutes of every 8, and its official page reports a major
 * outage with an unresolved incident meanwhile;</li>
 * <li>Simulated Anthropic-style: the API is slow (4 s, over the 2 s threshold) for 2 minutes of every 6;</li>
 * <li>Simulated Gemini-style: the API rate-limits (429) for 1 minute of every 5; its page is an Atom feed;</li>
 * <li>Simulated Steady Cloud: the front door always up; three models checked with a demo key (one per protocol),
 * whose first-token times wander through the day, whose Claude-style model is slow for 1 minute of every 5 and whose
 * Gemini-style model answers 529 for 2 minutes of every 7.</li>
 * </ul>
 * A webhook receiver on loopback is subscribed to every provider and logs each notification it gets, with whether
 * its signature checks out ({@code DemoWebhookReceiver}).
 * With {@code --simulator-only} it runs only the simulator ({@link ProviderSimulator#serve}).
 */
public final class TestLlmStatusApplication {

    private static final String JSON = "application/json";

    /** The simulated models' key: a demo value, handed to the app as a property of the name the catalog gives. */
    private static final String DEMO_KEY_VARIABLE = "SIM_DEMO_MODEL_KEY";

    private static final String DEMO_KEY = "sk-sim-demo-not-a-real-key-0000";

    private TestLlmStatusApplication() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--simulator-only")) {
            Map<String, String> options = new LinkedHashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
            }
            ProviderSimulator.serve(options);
            return;
        }
        ProviderSimulator simulator = ProviderSimulator.start();
        Path catalog = new SimulatedCatalog(Duration.ofSeconds(15), Duration.ofSeconds(8), Duration.ofSeconds(2))
            .provider("sim-openai", "Simulated OpenAI-compatible", simulator.uri("/openai"))
            .statuspage("incidentio", simulator.uri("/openai-status"),
                    simulator.uri("/openai-status/api/v2/summary.json"))
            .component("api", "API", simulator.uri("/openai/v1/models"), 401)
            .component("web", "Website", simulator.uri("/openai/"), 200)
            .provider("sim-anthropic", "Simulated Anthropic-style", simulator.uri("/anthropic"))
            .statuspage("statuspage", simulator.uri("/anthropic-status"),
                    simulator.uri("/anthropic-status/api/v2/summary.json"))
            .component("api", "API", simulator.uri("/anthropic/v1/messages"), 401, 405)
            .provider("sim-gemini", "Simulated Gemini-style", simulator.uri("/gemini"))
            .feed(simulator.uri("/gemini-status"), simulator.uri("/gemini-status/feed.atom"))
            .component("api", "Gemini API", simulator.uri("/gemini/v1beta/models"), 400, 401, 403)
            .provider("sim-steady", "Simulated Steady Cloud", simulator.uri("/steady"))
            .component("api", "API", simulator.uri("/steady/v1/models"), 401)
            .model("steady-chat", "Steady Chat", "openai-chat", simulator.uri("/steady/v1/chat/completions"),
                    DEMO_KEY_VARIABLE, Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(2), 10)
            .model("steady-claude", "Steady Claude", "anthropic-messages", simulator.uri("/steady/v1/messages"),
                    DEMO_KEY_VARIABLE, Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(2), 10)
            .model("steady-gemini", "Steady Gemini", "gemini-generate",
                    URI.create(simulator.uri("/steady/v1beta/models/steady-gemini:streamGenerateContent") + "?alt=sse"),
                    DEMO_KEY_VARIABLE, Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofSeconds(2), 10)
            .write(Path.of("data", "simulated", "providers.yml"));
        simulator.set("/openai/", Behaviour.status(200, "text/html", "<html>Simulated OpenAI-compatible</html>"))
            .set("/steady/v1/models", Behaviour.status(401))
            .set("/anthropic-status/api/v2/summary.json", Behaviour.status(200, JSON, ProviderSimulator
                .statuspageSummary(simulator.uri("/anthropic-status").toString(), Map.of("API", "operational"), null,
                        Instant.now())));
        ScheduledExecutorService script = Executors.newSingleThreadScheduledExecutor((runnable) -> {
            Thread thread = new Thread(runnable, "simulated-outage");
            thread.setDaemon(true);
            return thread;
        });
        Instant[] outageStart = new Instant[1];
        script.scheduleAtFixedRate(() -> play(simulator, outageStart), 0, 5, TimeUnit.SECONDS);
        List<String> arguments = new ArrayList<>(List.of("--" + DEMO_KEY_VARIABLE + "=" + DEMO_KEY,
                "--llmstatus.catalog.location=file:" + catalog.toAbsolutePath(),
                "--spring.datasource.url=jdbc:h2:file:./data/simulated/llmstatus;DB_CLOSE_ON_EXIT=FALSE",
                "--logging.level.root=info", "--llmstatus.probe.official-interval=30s",
                "--llmstatus.probe.jitter=15s"));
        // Notifications: a webhook receiver on loopback, subscribed to every provider, logs what it gets.
        arguments.add("--llmstatus.notify.allow-private-targets=true");
        arguments.addAll(List.of(args));
        var running = SpringApplication.from(LlmStatusApplication::main)
            .with(SimulatorConfiguration.class)
            .run(arguments.toArray(String[]::new));
        DemoWebhookReceiver.subscribe(running.getApplicationContext());
        SimulatorConfiguration.simulator = simulator;
    }

    /** Sets every scripted path for the current moment of the cycle. */
    private static void play(ProviderSimulator simulator, Instant[] outageStart) {
        long minute = Instant.now().getEpochSecond() / 60;
        boolean openaiDown = minute % 8 < 3;
        boolean anthropicSlow = minute % 6 < 2;
        boolean geminiLimited = minute % 5 == 0;
        if (openaiDown && outageStart[0] == null) {
            outageStart[0] = Instant.now();
        }
        else if (!openaiDown) {
            outageStart[0] = null;
        }
        simulator.set("/openai/v1/models", openaiDown ? Behaviour.status(503) : Behaviour.status(401));
        Map<String, String> components = new LinkedHashMap<>();
        components.put("API", openaiDown ? "major_outage" : "operational");
        components.put("Website", "operational");
        String page = simulator.uri("/openai-status").toString();
        simulator.set("/openai-status/api/v2/summary.json", Behaviour.status(200, JSON,
                ProviderSimulator.statuspageSummary(page, components,
                        openaiDown ? "Elevated error rates on the API" : null, outageStart[0])));
        simulator.set("/openai-status/api/v2/components.json",
                Behaviour.status(200, JSON, ProviderSimulator.statuspageComponents(components)));
        // Model checks: first tokens wander between 250 ms and 1.2 s; Steady Gemini answers 529 for 2 minutes of
        // every 7, and Steady Claude's first token is slow (3 s, over the 2 s threshold) for 1 minute of every 5.
        long second = Instant.now().getEpochSecond();
        Duration wander = Duration.ofMillis(250 + (long) (475 * (1 + Math.sin(second / 300.0))));
        boolean geminiOverloaded = minute % 7 < 2;
        boolean claudeSlow = minute % 5 == 3;
        simulator.set("/steady/v1/chat/completions", Behaviour.model(SimulatedModel.of(SimulatedModel.Wire.OPENAI_CHAT)
            .requireKey(DEMO_KEY).ttft(wander).tokensPerSecond(60).tokens(12)));
        simulator.set("/steady/v1/messages", Behaviour.model(SimulatedModel.of(SimulatedModel.Wire.ANTHROPIC_MESSAGES)
            .requireKey(DEMO_KEY).ttft(claudeSlow ? Duration.ofSeconds(3) : wander.plusMillis(150))
            .tokensPerSecond(45).tokens(12)));
        SimulatedModel gemini = SimulatedModel.of(SimulatedModel.Wire.GEMINI_GENERATE).requireKey(DEMO_KEY)
            .ttft(wander.minusMillis(100)).tokensPerSecond(90).tokens(12);
        simulator.set("/steady/v1beta/models/steady-gemini:streamGenerateContent",
                Behaviour.model(geminiOverloaded ? gemini.failing(SimulatedModel.Failure.OVERLOADED) : gemini));
        simulator.set("/anthropic/v1/messages",
                anthropicSlow ? Behaviour.status(401).after(Duration.ofSeconds(4)) : Behaviour.status(401));
        simulator.set("/gemini/v1beta/models", geminiLimited ? Behaviour.rateLimited("60")
                : Behaviour.status(403, JSON, "{\"error\":{\"code\":403,\"status\":\"PERMISSION_DENIED\"}}"));
        String feedPage = simulator.uri("/gemini-status").toString();
        Instant lastHour = Instant.now().minusSeconds(3600);
        simulator.set("/gemini-status/feed.atom", Behaviour.status(200, "application/atom+xml",
                geminiLimited
                        ? ProviderSimulator.atomFeed(feedPage, new ProviderSimulator.FeedEntry("tag:gemini," + minute,
                                "Increased 429 errors", "<p><strong>Investigating</strong> - Some requests are "
                                        + "throttled.</p>", Instant.now().minusSeconds(30)))
                        : ProviderSimulator.atomFeed(feedPage, new ProviderSimulator.FeedEntry("tag:gemini,past",
                                "Increased latency", "<p><strong>Resolved</strong> - Latency is back to normal.</p>"
                                        + "<p><strong>Investigating</strong> - Looking into it.</p>", lastHour))));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class SimulatorConfiguration {

        static volatile ProviderSimulator simulator;

        @Bean
        AutoCloseable simulatorShutdown() {
            return () -> {
                if (simulator != null) {
                    simulator.close();
                }
            };
        }

    }

}
