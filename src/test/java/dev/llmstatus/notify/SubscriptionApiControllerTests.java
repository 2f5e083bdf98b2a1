package dev.llmstatus.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.llmstatus.support.WebSliceTest;
import dev.llmstatus.support.WebSliceTests;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The subscriptions API in the MVC slice: every mistake in the body is a 400 naming the field before the service is
 * asked, other content types are a JSON 415, cross-site posts are refused, and the service's answers become 400,
 * 429 with Retry-After, or 201 with the manage URL and the secret shown once.
 */
@WebSliceTest(SubscriptionApiController.class)
class SubscriptionApiControllerTests extends WebSliceTests {

    private static final String PATH = "/api/v1/subscriptions";

    @MockitoBean
    SubscriptionService service;

    @MockitoBean
    Messages messages;

    /** The page cache in front of every controller needs it; posts never reach it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"provider": "openai",                           | body       | The body is not valid JSON
            ["openai"]                                       | body       | Send a JSON object with provider, channel
            {"provider": 42, "channel": "webhook"}           | provider   | "provider" must be a string.
            {"provider": "openai", "target": ["x"]}          | target     | "target" must be a string.
            {"provider": "openai", "components": "api"}      | components | "components" must be an array of keys.
            {"provider": "openai", "components": ["api", 1]} | components | "components" must hold strings only.
            """)
    void malformedBodyIsA400NamingTheField(String body, String field, String message) throws Exception {
        this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.error").value("invalid_" + field))
            .andExpect(jsonPath("$.field").value(field))
            .andExpect(jsonPath("$.message", containsString(message)))
            .andExpect(jsonPath("$.errors." + field, containsString(message)));
        then(this.service).should(never()).subscribe(any(), anyString());
    }

    @Test
    void emptyBodyIsA400() throws Exception {
        this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("invalid_body"));
    }

    @Test
    void otherContentTypesAreAJson415() throws Exception {
        this.mvc.perform(post(PATH).contentType(MediaType.TEXT_PLAIN).content("provider=openai"))
            .andExpect(status().isUnsupportedMediaType())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(jsonPath("$.error").value("unsupported_media_type"));
        this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_FORM_URLENCODED).content("provider=openai"))
            .andExpect(status().isUnsupportedMediaType());
        then(this.service).should(never()).subscribe(any(), anyString());
    }

    @Test
    void crossSitePostIsRefused() throws Exception {
        this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.ORIGIN, "https://elsewhere.example")
            .content("{\"provider\": \"openai\", \"channel\": \"webhook\", \"target\": \"https://hooks.example/x\"}"))
            .andExpect(status().isForbidden());
        then(this.service).should(never()).subscribe(any(), anyString());
    }

    @Test
    void servicesRefusalsKeepEveryFieldsMessage() throws Exception {
        given(this.service.subscribe(any(), anyString())).willReturn(SubscriptionService.Result.invalid(
                Map.of("target", "Use an https:// URL on the public internet.")));
        this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
            .content("{\"provider\": \"openai\", \"channel\": \"webhook\", \"target\": \"http://127.0.0.1/\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.error").value("invalid_target"))
            .andExpect(jsonPath("$.field").value("target"))
            .andExpect(jsonPath("$.errors.target").value("Use an https:// URL on the public internet."));
        given(this.service.subscribe(any(), anyString())).willReturn(new SubscriptionService.Result(null,
                Map.of("limit", "Please try again in 20 minutes."), Duration.ofMinutes(20)));
        this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
            .content("{\"provider\": \"openai\", \"channel\": \"webhook\", \"target\": \"https://hooks.example/x\"}"))
            .andExpect(status().isTooManyRequests())
            .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1200"))
            .andExpect(jsonPath("$.error").value("too_many_requests"))
            .andExpect(jsonPath("$.message").value("Please try again in 20 minutes."));
    }

    @Test
    void acceptedSubscriptionIsA201WithItsManageUrlAndSecret() throws Exception {
        Subscription created = new Subscription(7, "openai", List.of("api"), Channel.WEBHOOK,
                "https://hooks.example/x", "s3cret", "tok", Subscription.State.ACTIVE, Instant.now(), null);
        given(this.service.subscribe(any(), anyString())).willReturn(new SubscriptionService.Result(created,
                Map.of(), null));
        given(this.messages.manageUrl(created)).willReturn("http://localhost:8080/notify/manage/tok");
        this.mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON)
            .content("{\"provider\": \"openai\", \"channel\": \"webhook\", \"target\": \"https://hooks.example/x\", "
                    + "\"components\": [\"api\"]}"))
            .andExpect(status().isCreated())
            .andExpect(header().string(HttpHeaders.LOCATION, "http://localhost:8080/notify/manage/tok"))
            .andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
            .andExpect(jsonPath("$.id").value("7"))
            .andExpect(jsonPath("$.status").value("active"))
            .andExpect(jsonPath("$.secret").value("s3cret"))
            .andExpect(jsonPath("$.manage_url").value("http://localhost:8080/notify/manage/tok"));
        then(this.service).should().subscribe(new SubscriptionRequest("openai", "webhook", "https://hooks.example/x",
                List.of("api")), "127.0.0.1");
    }

}
