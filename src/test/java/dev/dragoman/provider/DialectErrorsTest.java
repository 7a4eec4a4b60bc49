package dev.dragoman.provider;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.config.TestSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Error bodies as the providers send them, each sorted into its class with the retry signal the provider gave: per
 * dialect its 401/403, 429, quota and overload errors, and for the OpenAI dialect the compatible platforms' own shapes.
 */
class DialectErrorsTest {

    /** A provider instance of the platform, so each row runs through the dialect that platform gets. */
    static WireFormat dialect(String platform) {
        Map<String, String> options = "azure".equals(platform)
                ? Map.of("platform", platform, "url", "https://r.openai.azure.com/openai/deployments/d?api-version=1")
                : Map.of("platform", platform, "model", "some-model");
        return TestSettings.wireFormat(TestSettings.read("p", options));
    }

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Gemini: google.rpc.Status; a bad key is a 400; RetryInfo in the body; a daily quota does not clear
            "gemini | 400 | - | {\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}} | KEY_REJECTED | -",
            "gemini | 403 | - | {\"error\":{\"code\":403,\"message\":\"Permission denied\",\"status\":\"PERMISSION_DENIED\"}} | KEY_REJECTED | -",
            "gemini | 429 | - | {\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[{\"quotaMetric\":\"generativelanguage.googleapis.com/generate_content_free_tier_requests\",\"quotaId\":\"GenerateRequestsPerMinutePerProjectPerModel-FreeTier\"}]},{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"38s\"}]}} | RATE_LIMITED | 38",
            "gemini | 429 | - | {\"error\":{\"code\":429,\"message\":\"You exceeded your current quota\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[{\"quotaId\":\"GenerateRequestsPerDayPerProjectPerModel-FreeTier\"}]},{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"43200s\"}]}} | QUOTA_EXHAUSTED | 43200",
            "gemini | 503 | - | {\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again later.\",\"status\":\"UNAVAILABLE\"}} | TRANSIENT | -",
            "gemini | 400 | - | {\"error\":{\"code\":400,\"message\":\"User location is not supported for the API use.\",\"status\":\"FAILED_PRECONDITION\"}} | REQUEST_REJECTED | -",
            // Claude: error.type decides; 529 overloaded; 402 billing
            "claude | 401 | - | {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"},\"request_id\":\"req_1\"} | KEY_REJECTED | -",
            "claude | 403 | - | {\"type\":\"error\",\"error\":{\"type\":\"permission_error\",\"message\":\"not allowed\"}} | KEY_REJECTED | -",
            "claude | 429 | 20 | {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}} | RATE_LIMITED | 20",
            "claude | 402 | - | {\"type\":\"error\",\"error\":{\"type\":\"billing_error\",\"message\":\"Your credit balance is too low\"}} | QUOTA_EXHAUSTED | -",
            "claude | 529 | - | {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}} | TRANSIENT | -",
            "claude | 400 | - | {\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"`temperature` and `top_p` cannot both be specified\"}} | REQUEST_REJECTED | -",
            // Cohere: {"message": …}, the status decides
            "cohere | 401 | - | {\"message\":\"invalid api token\"} | KEY_REJECTED | -",
            "cohere | 402 | - | {\"message\":\"Please add a payment method\"} | QUOTA_EXHAUSTED | -",
            "cohere | 429 | 7 | {\"message\":\"You are using a Trial key, which is limited to 10 API calls / minute.\"} | RATE_LIMITED | 7",
            "cohere | 500 | - | {\"message\":\"internal server error\"} | TRANSIENT | -",
            "cohere | 400 | - | {\"message\":\"invalid request: system turn must be the first in the list\"} | REQUEST_REJECTED | -",
            // Azure: api-key errors, Retry-After on 429, content filter
            "azure | 401 | - | {\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid subscription key or wrong API endpoint.\"}} | KEY_REJECTED | -",
            "azure | 429 | 37 | {\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation have exceeded token rate limit. Please retry after 37 seconds.\"}} | RATE_LIMITED | 37",
            "azure | 400 | - | {\"error\":{\"message\":\"The response was filtered\",\"type\":null,\"param\":\"prompt\",\"code\":\"content_filter\",\"status\":400,\"innererror\":{\"code\":\"ResponsibleAIPolicyViolation\"}}} | REQUEST_REJECTED | -",
            "azure | 404 | - | {\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this resource does not exist.\"}} | REQUEST_REJECTED | -",
            "azure | 503 | - | {\"error\":{\"code\":\"ServiceUnavailable\",\"message\":\"The service is temporarily unable to process your request.\"}} | TRANSIENT | -",
            // Qwen-MT and Qianfan: OpenAI-shaped
            "qwen-mt | 401 | - | {\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\"},\"request_id\":\"r1\"} | KEY_REJECTED | -",
            "qwen-mt | 429 | 2 | {\"error\":{\"code\":\"Throttling.RateQuota\",\"message\":\"Requests rate limit exceeded\",\"type\":\"rate_limit\"}} | RATE_LIMITED | 2",
            "qianfan | 429 | - | {\"error\":{\"code\":\"rpm_rate_limit_exceeded\",\"message\":\"Rate limit reached for RPM\",\"type\":\"rate_limit_exceeded\"},\"id\":\"as-wbx23eriqh\"} | RATE_LIMITED | -",
            "qianfan | 401 | - | {\"error\":{\"code\":\"invalid_iam_token\",\"message\":\"IAM Certification failed\",\"type\":\"invalid_request_error\"}} | KEY_REJECTED | -",
            "qianfan | 400 | - | {\"error\":{\"code\":\"tokens_too_long\",\"message\":\"Prompt tokens too long\",\"type\":\"invalid_request_error\"}} | REQUEST_REJECTED | -",
            // OpenAI-compatible platforms with their own error shapes and codes
            "zhipu | 429 | - | {\"error\":{\"code\":\"1302\",\"message\":\"您当前使用该API的并发数过高，请降低并发\"}} | RATE_LIMITED | -",
            "zhipu | 429 | - | {\"error\":{\"code\":\"1303\",\"message\":\"您当前使用该API的频率过高\"}} | RATE_LIMITED | -",
            "zhipu | 429 | - | {\"error\":{\"code\":\"1305\",\"message\":\"当前API请求过多，请稍后重试\"}} | TRANSIENT | -",
            "zhipu | 429 | - | {\"error\":{\"code\":\"1312\",\"message\":\"该模型当前访问量过大\"}} | TRANSIENT | -",
            "zhipu | 429 | - | {\"error\":{\"code\":\"1113\",\"message\":\"您的账户已欠费，请充值后重试\"}} | QUOTA_EXHAUSTED | -",
            "zhipu | 429 | - | {\"error\":{\"code\":\"1304\",\"message\":\"该模型今日调用次数已达上限\"}} | QUOTA_EXHAUSTED | -",
            "zhipu | 429 | - | {\"error\":{\"code\":\"1308\",\"message\":\"已达到使用上限，将在 2026-01-01 重置\"}} | QUOTA_EXHAUSTED | -",
            "zhipu | 429 | - | {\"error\":{\"code\":\"1310\",\"message\":\"已达到每周使用上限\"}} | QUOTA_EXHAUSTED | -",
            "zhipu | 401 | - | {\"error\":{\"code\":\"1000\",\"message\":\"身份验证失败\"}} | KEY_REJECTED | -",
            "siliconflow | 400 | - | {\"code\":20015,\"message\":\"length of prompt_tokens (68957) must be less than max_seq_len (65536).\",\"data\":null} | REQUEST_REJECTED | -",
            "siliconflow | 429 | - | {\"message\":\"Request was rejected due to rate limiting. Details: TPM limit reached.\",\"data\":null} | RATE_LIMITED | -",
            "siliconflow | 401 | - | Invalid token | KEY_REJECTED | -",
            "siliconflow | 503 | - | {\"code\":50505,\"message\":\"Model service overloaded. Please try again later.\",\"data\":null} | TRANSIENT | -",
            "deepseek | 402 | - | {\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\",\"param\":null,\"code\":\"invalid_request_error\"}} | QUOTA_EXHAUSTED | -",
            "deepseek | 429 | - | {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"rate_limit_error\"}} | RATE_LIMITED | -",
            "deepseek | 503 | - | {\"error\":{\"message\":\"Server overloaded\",\"type\":\"server_error\"}} | TRANSIENT | -",
            "openai | 429 | - | {\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"param\":null,\"code\":\"insufficient_quota\"}} | QUOTA_EXHAUSTED | -",
            "openrouter | 402 | - | {\"error\":{\"code\":402,\"message\":\"Insufficient credits\",\"metadata\":{}}} | QUOTA_EXHAUSTED | -",
            "openrouter | 503 | 4 | {\"error\":{\"code\":503,\"message\":\"No instances available\",\"metadata\":{}}} | TRANSIENT | 4",
            "groq | 429 | 5.289 | {\"error\":{\"message\":\"Rate limit reached. Please try again in 5.289s\",\"type\":\"tokens\",\"code\":\"rate_limit_exceeded\"}} | RATE_LIMITED | 5.289",
            "doubao | 429 | - | {\"error\":{\"code\":\"RateLimitExceeded.EndpointRPMExceeded\",\"message\":\"Request id: 1\",\"param\":\"\",\"type\":\"TooManyRequests\"}} | RATE_LIMITED | -",
            "doubao | 403 | - | {\"error\":{\"code\":\"AccountOverdueError\",\"message\":\"Your account is overdue\",\"type\":\"Forbidden\"}} | QUOTA_EXHAUSTED | -",
            "doubao | 401 | - | {\"error\":{\"code\":\"AuthenticationError\",\"message\":\"The API key is invalid\",\"type\":\"Unauthorized\"}} | KEY_REJECTED | -",
            "spark | 401 | - | {\"error\":{\"message\":\"invalid user\",\"type\":\"api_error\",\"param\":null,\"code\":null}} | KEY_REJECTED | -",
    })
    void sorts_error_replies(String platform, int status, String retryAfter, String body, ErrorClass expected,
            Double retrySeconds) {
        ProviderException error = dialect(platform).error(status, Json.tryParse(body).orElse(null), body,
                name -> "Retry-After".equalsIgnoreCase(name) ? retryAfter : null);

        assertThat(error.errorClass()).isEqualTo(expected);
        assertThat(error.getMessage()).startsWith("HTTP " + status);
        assertThat(error.retryAfter().orElse(null))
                .isEqualTo(retrySeconds == null ? null : Duration.ofMillis((long) (retrySeconds * 1000)));
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // iFlytek Spark answers 200 with a code other than 0
            "spark | reply | {\"code\":11202,\"message\":\"AppIdQpsOverFlowError\",\"sid\":\"cha000b\"} | RATE_LIMITED",
            "spark | reply | {\"code\":11201,\"message\":\"AppIdDailyLimitError\",\"sid\":\"cha000b\"} | QUOTA_EXHAUSTED",
            "spark | event | {\"code\":11200,\"message\":\"AppIdNoAuthError\",\"sid\":\"cha000b\",\"choices\":[]} | KEY_REJECTED",
            "spark | event | {\"code\":10013,\"message\":\"input content audit failed\",\"sid\":\"cha000b\"} | REQUEST_REJECTED",
            // OpenRouter: an error after the model started
            "openrouter | event | {\"error\":{\"code\":502,\"message\":\"Provider returned error\"}} | TRANSIENT",
            // Claude: an error event in a 200 stream
            "claude | event | {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}} | TRANSIENT",
            "claude | event | {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Rate limited\"}} | RATE_LIMITED",
            // Gemini: a blocked prompt is a refused request, not an empty translation
            "gemini | reply | {\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[]},\"usageMetadata\":{\"promptTokenCount\":8}} | REQUEST_REJECTED",
            "gemini | event | {\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"}} | REQUEST_REJECTED",
            "gemini | event | {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}} | TRANSIENT",
    })
    void fails_on_errors_inside_a_successful_reply(String platform, String where, String body, ErrorClass expected) {
        WireFormat dialect = dialect(platform);
        ReplyBuilder reply = new ReplyBuilder();
        assertThatThrownBy(() -> {
            if ("reply".equals(where)) {
                dialect.readReply(Json.tryParse(body).orElseThrow(), reply);
            } else {
                dialect.readEvent(new SseEvent(null, body), reply);
            }
        }).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.errorClass()).isEqualTo(expected));
    }
}
