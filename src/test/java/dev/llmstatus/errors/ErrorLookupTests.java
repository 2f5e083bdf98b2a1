package dev.llmstatus.errors;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ClassPathResource;

import dev.llmstatus.catalog.CatalogLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ErrorLookupTests {

    private static final ErrorLookup lookup = new ErrorLookup(
            KnowledgeBase.bundled(CatalogLoader.load(new ClassPathResource("catalog/providers.yml"))));

    static Stream<Arguments> realErrors() {
        return Stream.of(
                arguments("OpenAI tokens per minute", """
                        {"error":{"message":"Rate limit reached for gpt-4o in organization org-abc123 on tokens per min (TPM): Limit 30000, Used 29500, Requested 1200. Please try again in 1.4s. Visit https://platform.openai.com/account/rate-limits to learn more.","type":"tokens","param":null,"code":"rate_limit_exceeded"}}
                        """, "429-rate-limit-exceeded", "openai"),
                arguments("OpenAI insufficient_quota", """
                        {
                          "error": {
                            "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
                            "type": "insufficient_quota",
                            "param": null,
                            "code": "insufficient_quota"
                          }
                        }
                        """, "quota-exceeded", "openai"),
                arguments("OpenAI wrong key", """
                        {"error":{"message":"Incorrect API key provided: sk-proj-****abcd. You can find your API key at https://platform.openai.com/account/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}
                        """, "401-unauthorized", "openai"),
                arguments("OpenAI context length", """
                        {"error":{"message":"This model's maximum context length is 128000 tokens. However, your messages resulted in 130532 tokens. Please reduce the length of the messages.","type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}
                        """, "400-context-length-exceeded", "openai"),
                arguments("OpenAI unsupported region", """
                        {"error":{"code":"unsupported_country_region_territory","message":"Country, region, or territory not supported","param":null,"type":"request_forbidden"}}
                        """, "403-forbidden", "openai"),
                arguments("OpenAI overloaded", """
                        openai.InternalServerError: Error code: 503 - {'error': {'message': 'The engine is currently overloaded, please try again later', 'type': 'server_error', 'param': None, 'code': 'server_is_overloaded'}}
                        """, "503-service-unavailable", "openai"),
                arguments("OpenAI server error", """
                        {"error":{"message":"The server had an error while processing your request. Sorry about that!","type":"server_error","param":null,"code":null}}
                        """, "500-internal-server-error", "openai"),
                arguments("Anthropic 529", """
                        {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"}
                        """, "529-overloaded", "anthropic"),
                arguments("Anthropic 429 headers", """
                        HTTP/2 429
                        date: Mon, 23 Nov 2026 18:00:00 GMT
                        content-type: application/json
                        retry-after: 18
                        anthropic-ratelimit-requests-limit: 50
                        anthropic-ratelimit-requests-remaining: 0
                        anthropic-ratelimit-requests-reset: 2026-11-23T18:00:18Z
                        request-id: req_011CSHoEeqs5C35K2UUqR7Fy
                        """, "429-rate-limit-exceeded", "anthropic"),
                arguments("Anthropic SDK rate limit", """
                        anthropic.RateLimitError: Error code: 429 - {'type': 'error', 'error': {'type': 'rate_limit_error', 'message': 'This request would exceed the rate limit for your organization of 50,000 input tokens per minute.'}}
                        """, "429-rate-limit-exceeded", "anthropic"),
                arguments("Anthropic prompt too long", """
                        {"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 215463 tokens > 200000 maximum"}}
                        """, "400-context-length-exceeded", "anthropic"),
                arguments("Anthropic bad key", """
                        {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_01"}
                        """, "401-unauthorized", "anthropic"),
                arguments("Anthropic credit balance", """
                        {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}
                        """, "quota-exceeded", "anthropic"),
                arguments("Gemini 429 with RetryInfo", """
                        {
                          "error": {
                            "code": 429,
                            "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.",
                            "status": "RESOURCE_EXHAUSTED",
                            "details": [
                              {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{"quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests", "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"}]},
                              {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "37s"}
                            ]
                          }
                        }
                        """, "429-rate-limit-exceeded", "google-gemini"),
                arguments("Gemini overloaded", """
                        {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}
                        """, "503-service-unavailable", "google-gemini"),
                arguments("Gemini bad key", """
                        {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID","domain":"googleapis.com","metadata":{"service":"generativelanguage.googleapis.com"}}]}}
                        """, "401-unauthorized", "google-gemini"),
                arguments("Gemini location", """
                        {"error":{"code":400,"message":"User location is not supported for the API use.","status":"FAILED_PRECONDITION"}}
                        """, "403-forbidden", "google-gemini"),
                arguments("Gemini safety block", """
                        {"promptFeedback":{"blockReason":"SAFETY","safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH"}]}}
                        """, "content-filter", "google-gemini"),
                arguments("Zhipu 1302", """
                        {"error":{"code":"1302","message":"您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。"}}
                        """, "429-rate-limit-exceeded", "zhipu"),
                arguments("Zhipu 1302 escaped inside a log line", """
                        ERROR llm call failed: "{\\"error\\":{\\"code\\":\\"1302\\",\\"message\\":\\"\\\\u60a8\\\\u5f53\\\\u524d\\\\u4f7f\\\\u7528\\\\u8be5API\\\\u7684\\\\u5e76\\\\u53d1\\\\u6570\\\\u8fc7\\\\u9ad8\\"}}"
                        """, "429-rate-limit-exceeded", "zhipu"),
                arguments("Zhipu 1113 in arrears", """
                        openai.RateLimitError: Error code: 429 - {'error': {'code': '1113', 'message': '您的账户已欠费，请充值后重试。'}}
                        """, "quota-exceeded", "zhipu"),
                arguments("Zhipu 1301 sensitive content", """
                        Error code: 400 - {'error': {'code': '1301', 'message': '系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。'}}
                        """, "content-filter", "zhipu"),
                arguments("DashScope rate quota", """
                        {"code":"Throttling.RateQuota","message":"Requests rate limit exceeded, please try again later.","request_id":"e1b2c3d4-0000-1111-2222-333344445555"}
                        """, "429-rate-limit-exceeded", "alibaba-qwen"),
                arguments("DashScope arrearage", """
                        {"code":"Arrearage","message":"Access denied, please make sure your account is in good standing.","request_id":"a0b1c2d3"}
                        """, "quota-exceeded", "alibaba-qwen"),
                arguments("DashScope data inspection", """
                        {"code":"DataInspectionFailed","message":"Input or output data may contain inappropriate content.","request_id":"a0b1c2d3"}
                        """, "content-filter", "alibaba-qwen"),
                arguments("DashScope bad key", """
                        {"code":"InvalidApiKey","message":"Invalid API-key provided.","request_id":"a0b1c2d3"}
                        """, "401-unauthorized", "alibaba-qwen"),
                arguments("Qianfan v2 RPM", """
                        {"error":{"code":"rpm_rate_limit_exceeded","message":"Rpm limit exceeded, please try again later","type":"rate_limit_exceeded"},"id":"as-abc123"}
                        """, "429-rate-limit-exceeded", "baidu-qianfan"),
                arguments("Qianfan legacy QPS", """
                        {"error_code":18,"error_msg":"Open api qps request limit reached"}
                        """, "429-rate-limit-exceeded", "baidu-qianfan"),
                arguments("Groq tokens per minute", """
                        {"error":{"message":"Rate limit reached for model `llama-3.3-70b-versatile` in organization `org_01abc` service tier `on_demand` on tokens per minute (TPM): Limit 12000, Used 11200, Requested 1500. Please try again in 3.5s. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing","type":"tokens","code":"rate_limit_exceeded"}}
                        """, "429-rate-limit-exceeded", "groq"),
                arguments("Groq flex capacity", """
                        groq.APIStatusError: Error code: 498 - {'error': {'message': 'Capacity exceeded for the flex tier, please retry later', 'type': 'capacity_exceeded', 'code': 'capacity_exceeded'}}
                        """, "498-capacity-exceeded", "groq"),
                arguments("DeepSeek balance", """
                        {"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}
                        """, "quota-exceeded", "deepseek"),
                arguments("DeepSeek bad key", """
                        {"error":{"message":"Authentication Fails, Your api key: ****abcd is invalid","type":"authentication_error","param":null,"code":"invalid_request_error"}}
                        """, "401-unauthorized", "deepseek"),
                arguments("DeepSeek keep-alive stream", """
                        : keep-alive

                        : keep-alive

                        : keep-alive
                        """, "slow-streaming", "deepseek"),
                arguments("StepFun wrong key looks like OpenAI", """
                        {"error":{"message":"Incorrect API key provided","type":"invalid_api_key"}}
                        """, "401-unauthorized", null),
                arguments("StepFun moderation", """
                        POST https://api.stepfun.com/v1/chat/completions failed: HTTP 451
                        """, "content-filter", "stepfun"),
                arguments("iFlytek 11200", """
                        {"header":{"code":11200,"message":"AppIdNoAuthError:（11200）授权错误：该appId没有相关功能的授权 或者 业务量超过限制","sid":"cht000b7b4f@dx18c2d2bd8cdb8f2540","status":2}}
                        """, "quota-exceeded", "iflytek-spark"),
                arguments("iFlytek input moderation", """
                        {"header":{"code":10013,"message":"input content audit failed","sid":"cht000b7b4f@dx18c2","status":2}}
                        """, "content-filter", "iflytek-spark"),
                arguments("MiniMax balance", """
                        {"id":"","choices":null,"base_resp":{"status_code":1008,"status_msg":"insufficient balance"}}
                        """, "quota-exceeded", "minimax"),
                arguments("MiniMax rate limit", """
                        {"base_resp":{"status_code":1002,"status_msg":"rate limit exceeded(RPM)"}}
                        """, "429-rate-limit-exceeded", "minimax"),
                arguments("Kimi content filter", """
                        {"error":{"message":"The request was rejected because it was considered high risk","type":"content_filter"}}
                        """, "content-filter", "moonshot"),
                arguments("Kimi token limit", """
                        {"error":{"message":"Invalid request: Your request exceeded model token limit: 8192","type":"invalid_request_error"}}
                        """, "400-context-length-exceeded", "moonshot"),
                arguments("Bedrock throttling", """
                        botocore.errorfactory.ThrottlingException: An error occurred (ThrottlingException) when calling the InvokeModel operation (reached max retries: 4): Too many requests, please wait before trying again.
                        """, "429-rate-limit-exceeded", "aws-bedrock"),
                arguments("Bedrock input too long", """
                        An error occurred (ValidationException) when calling the Converse operation: Input is too long for requested model.
                        """, "400-context-length-exceeded", "aws-bedrock"),
                arguments("Bedrock model access", """
                        An error occurred (AccessDeniedException) when calling the InvokeModel operation: You don't have access to the model with the specified model ID.
                        """, "403-forbidden", "aws-bedrock"),
                arguments("OpenRouter credits", """
                        {"error":{"message":"This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford 1200. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account","code":402}}
                        """, "quota-exceeded", "openrouter"),
                arguments("OpenRouter upstream down", """
                        {"error":{"message":"Provider returned error","code":502,"metadata":{"raw":"upstream connect error","provider_name":"Together"}}}
                        """, "502-bad-gateway", "openrouter"),
                arguments("Azure content filter", """
                        {"error":{"message":"The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry.","type":null,"param":"prompt","code":"content_filter","status":400,"innererror":{"code":"ResponsibleAIPolicyViolation","content_filter_result":{"hate":{"filtered":false,"severity":"safe"},"violence":{"filtered":true,"severity":"medium"}}}}}
                        """, "content-filter", "azure-openai"),
                arguments("Azure token rate limit", """
                        {"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-02-01 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds."}}
                        """, "429-rate-limit-exceeded", "azure-openai"),
                arguments("Replicate throttled", """
                        {"detail":"Request was throttled. Your rate limit resets in ~30s.","status":429}
                        """, "429-rate-limit-exceeded", "replicate"),
                arguments("Mistral rate limit", """
                        {"object":"error","message":"Requests rate limit exceeded","type":"rate_limit_error","param":null,"code":null}
                        """, "429-rate-limit-exceeded", "mistral"),
                arguments("Cohere trial key", """
                        {"message":"You are using a Trial key, which is limited to 10 API calls / minute. You can continue to use the Trial key for free or upgrade to a Production key with higher rate limits at 'https://dashboard.cohere.com/api-keys'."}
                        """, "429-rate-limit-exceeded", "cohere"),
                arguments("generic headers are ambiguous", """
                        HTTP/1.1 429 Too Many Requests
                        x-ratelimit-limit-requests: 10000
                        x-ratelimit-remaining-requests: 0
                        x-ratelimit-reset-requests: 6ms
                        retry-after: 1
                        """, "429-rate-limit-exceeded", null),
                arguments("plain 503 line", "HTTP 503 Service Unavailable", "503-service-unavailable", null),
                arguments("status code phrase", "Request failed with status code: 504", "504-gateway-timeout", null),
                arguments("plain 500 line", "Error: 500 Internal Server Error", "500-internal-server-error", null),
                arguments("413 from the edge", "<html><head><title>413 Request Entity Too Large</title></head></html>",
                        "413-request-too-large", null),
                arguments("a bare number", "429", "429-rate-limit-exceeded", null),
                arguments("a bare 400 is a bad request", "got a 400 back", "400-invalid-request", null),
                arguments("client timeout", "java.net.http.HttpTimeoutException: request timed out",
                        "504-gateway-timeout", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realErrors")
    void realErrorPointsToItsTopicAndProvider(String name, String text, String topic, String provider) {
        List<LookupMatch> matches = lookup.lookup(text);
        assertThat(matches).as("matches for %s", name).isNotEmpty();
        LookupMatch best = matches.get(0);
        assertThat(best.topic().slug()).as("%s: %s", name, matches).isEqualTo(topic);
        assertThat(best.providerSlug()).as("%s: %s", name, matches).isEqualTo(Optional.ofNullable(provider));
        assertThat(best.evidence()).isNotEmpty();
        assertThat(matches).isSortedAccordingTo((a, b) -> Integer.compare(b.score(), a.score()));
    }

    static Stream<Arguments> chineseMessagesAndBareCodes() {
        return Stream.of(
                arguments("请求过于频繁，请稍后再试", "429-rate-limit-exceeded", null),
                arguments("并发数超过限制", "429-rate-limit-exceeded", null),
                arguments("{\"code\":\"429\",\"message\":\"请求频率超过限制\"}", "429-rate-limit-exceeded", null),
                arguments("余额不足", "quota-exceeded", null),
                arguments("账户余额不足，请充值后再试", "quota-exceeded", null),
                arguments("服务繁忙，请稍后重试", "503-service-unavailable", null),
                arguments("令牌无效", "401-unauthorized", null),
                arguments("鉴权失败：API Key无效", "401-unauthorized", null),
                arguments("输入内容包含敏感内容", "content-filter", null),
                arguments("请求超时", "504-gateway-timeout", null),
                arguments("11200", "quota-exceeded", "iflytek-spark"),
                arguments("1302", "429-rate-limit-exceeded", "zhipu"),
                arguments(" 10013 ", "content-filter", "iflytek-spark"),
                arguments("1113", "quota-exceeded", "zhipu"),
                arguments("336501", "429-rate-limit-exceeded", "baidu-qianfan"),
                arguments("错误码：1302", "429-rate-limit-exceeded", "zhipu"),
                arguments("error code: 10110", "503-service-unavailable", "iflytek-spark"),
                arguments("账户已欠费", "quota-exceeded", "zhipu"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chineseMessagesAndBareCodes")
    void chineseMessagesAndBareCodesPointToTheirTopic(String text, String topic, String provider) {
        List<LookupMatch> matches = lookup.lookup(text);
        assertThat(matches).as("matches for %s", text).isNotEmpty();
        assertThat(matches.get(0).topic().slug()).as("%s: %s", text, matches).isEqualTo(topic);
        assertThat(matches.get(0).providerSlug()).as("%s: %s", text, matches).isEqualTo(Optional.ofNullable(provider));
    }

    @Test
    void aNumberInsideOrdinaryTextIsNotACode() {
        assertThat(lookup.lookup("We shipped 1302 orders and 11200 parcels this week.")).isEmpty();
    }

    @Test
    void blankTextFindsNothing() {
        assertThat(lookup.lookup("")).isEmpty();
        assertThat(lookup.lookup("   \n\t ")).isEmpty();
        assertThat(lookup.lookup(null)).isEmpty();
    }

    @Test
    void ordinaryTextFindsNothing() {
        assertThat(lookup.lookup("The internal tooling team shipped 1000 features in 2026.")).isEmpty();
    }

    @Test
    void textOverTenThousandCharactersIsRejectedWithAMessageForPeople() {
        String text = "x".repeat(ErrorLookup.MAX_INPUT_LENGTH + 1);
        assertThatExceptionOfType(ErrorLookup.InputTooLongException.class).isThrownBy(() -> lookup.lookup(text))
            .satisfies((ex) -> {
                assertThat(ex.length()).isEqualTo(10_001);
                assertThat(ex.getMessage()).isEqualTo("That text is 10,001 characters long. Paste at most 10,000: "
                        + "the error message, the JSON body or the response headers are enough.");
            });
    }

    @Test
    void textOfExactlyTenThousandCharactersIsAccepted() {
        String text = "HTTP 429 " + "x".repeat(ErrorLookup.MAX_INPUT_LENGTH - 9);
        assertThat(lookup.lookup(text)).first().satisfies((match) ->
                assertThat(match.topic().slug()).isEqualTo("429-rate-limit-exceeded"));
    }

    @Test
    void matchingIgnoresCaseAndWhitespace() {
        assertThat(lookup.lookup("RATE   LIMIT\n reached   FOR  requests")).first()
            .satisfies((match) -> assertThat(match.topic().slug()).isEqualTo("429-rate-limit-exceeded"));
    }

    @Test
    void evidenceNamesWhatWasFound() {
        LookupMatch best = lookup.lookup("""
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}} HTTP 529""").get(0);
        assertThat(best.evidence()).contains("overloaded_error", "HTTP 529");
    }

}
