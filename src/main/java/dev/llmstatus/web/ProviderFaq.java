package dev.llmstatus.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.llmstatus.catalog.CheckKind;
import dev.llmstatus.catalog.Provider;
import dev.llmstatus.catalog.StatusPageKind;
import dev.llmstatus.status.ProviderState;
import dev.llmstatus.status.StatusProperties;
import dev.llmstatus.status.TimeWords;

/**
 * The questions people ask about a provider's status, answered from the live snapshot.
 */
final class ProviderFaq {

    private ProviderFaq() {
    }

    static List<Faq> of(ProviderState state, boolean offline, StatusProperties properties) {
        Provider provider = state.provider();
        String name = provider.name();
        List<Faq> faq = new ArrayList<>();
        faq.add(new Faq("Is " + name + " down right now?", DownAnswer.of(state, offline).sentence()));
        Duration interval = provider.components().get(0).probe().interval();
        String targets = provider.components().stream()
            .map((c) -> c.name() + " (" + c.probe().method() + " " + c.probe().url().getHost() + c.probe().url().getPath()
                    + ")")
            .collect(Collectors.joining(", "));
        faq.add(new Faq("How does LLM Status check " + name + "?", "Every " + TimeWords.duration(interval)
                + " we knock on each part of " + name + ": " + targets + ". These checks "
                + state.checksSend() + ". An answer such as HTTP 401 shows the front door is open and routing "
                + "requests; a timeout, a refused connection, a TLS failure or a 5xx answer counts as a failure."
                + (state.modelsConfigured()
                        ? " On top of that, the model checks " + CheckKind.MODEL_INFERENCE.sends()
                                + " per model, timing its first token and its tokens per second and checking the"
                                + " answer, so a failing or slow model shows here even when the front door is open."
                        : " They measure reachability and latency, not whether a model answers: model checks are"
                                + " not configured on this instance.")));
        faq.add(new Faq("Does " + name + " have an official status page?", officialAnswer(provider)));
        faq.add(new Faq("How quickly does this page notice a " + name + " outage?", "A component changes level only after "
                + properties.damping() + " checks in a row agree, which takes about "
                + TimeWords.duration(interval.multipliedBy(properties.damping()))
                + ". That keeps a single lost packet from showing up as an outage. If no fresh check arrives for "
                + properties.staleAfterIntervals() + " intervals, we show Unknown instead of guessing."));
        faq.add(new Faq("Why do my " + name + " calls fail when this page shows it working?", "Our probes test the "
                + "front door that every customer shares. Failures that only you see usually come from your own "
                + "account or request: an invalid or revoked API key, an exhausted quota or balance, a rate limit "
                + "on your organisation, a model name your key cannot use, or a network path between you and "
                + name + ". The error message you get names the cause; compare it with " + name
                + "'s error documentation."));
        return List.copyOf(faq);
    }

    private static String officialAnswer(Provider provider) {
        if (provider.statusPage().url() == null) {
            return "We know of none. For " + provider.name() + " the signals on this page are our own probes and "
                    + "reports from other developers.";
        }
        String url = provider.statusPage().url().toString();
        if (!provider.statusPage().readable()) {
            String platform = (provider.statusPage().kind() == StatusPageKind.NONE) ? ""
                    : " (it runs on " + provider.statusPage().kind().platform() + ")";
            return "Yes, at " + url + platform + ", but we do not read it automatically, so this page relies on "
                    + "our own probes. Open it for the provider's own words on an incident.";
        }
        return "Yes, at " + url + ". We read it every few minutes and show its level and incidents beside our own "
                + "probes. When it reports a problem our probes cannot see, such as failing model inference behind a "
                + "working front door, the headline follows it and says so.";
    }

}
