package dev.dragoman.provider.openai;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.provider.DialectCases;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.HttpCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The openai dialect's cases through platform presets: the compatible platforms' own error shapes and codes (also
 * inside a successful reply), addresses no other dialect recognises, DeepSeek's thinking switch, and the model list.
 */
class OpenAiDialectTest {

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
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
        DialectCases.assertSortsError(platform, status, retryAfter, body, expected, retrySeconds);
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
    })
    void fails_on_errors_inside_a_successful_reply(String platform, String where, String body, ErrorClass expected) {
        DialectCases.assertFailsInsideSuccess(platform, where, body, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://dashscope.aliyuncs.com/compatible-mode/v1 | openai",
            "https://api.deepseek.com | openai",
    })
    void detects_the_dialect_from_the_address(String url, String dialect) {
        DialectCases.assertDetects(url, dialect);
    }

    @Test
    void deepseek_turns_thinking_off_unless_the_model_cannot_or_the_user_says_otherwise() throws Exception {
        assertThat(DialectCases.requestBody(Map.of("platform", "deepseek")).at("/thinking/type").asText())
                .isEqualTo("disabled");
        assertThat(DialectCases.requestBody(Map.of("platform", "deepseek", "model", "deepseek-reasoner"))
                .has("thinking")).isFalse();
        assertThat(DialectCases.requestBody(Map.of("platform", "deepseek", "extra-body",
                "{\"thinking\":{\"type\":\"enabled\"}}")).at("/thinking/type").asText()).isEqualTo("enabled");
        assertThat(DialectCases.requestBody(Map.of("platform", "openai")).has("thinking")).as("only DeepSeek")
                .isFalse();
    }

    @Test
    void lists_data_ids() throws Exception {
        Map<String, String> options = Map.of("platform", "deepseek");
        HttpCall call = DialectCases.modelsRequest(options);

        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.url()).isEqualTo("https://api.deepseek.com/v1/models");
        assertThat(DialectCases.models(options, """
                {"object":"list","data":[{"id":"deepseek-reasoner","object":"model","owned_by":"deepseek"},
                                         {"id":"deepseek-chat","object":"model","owned_by":"deepseek"}]}"""))
                .containsExactly("deepseek-chat", "deepseek-reasoner");
    }

    @Test
    void sends_the_latest_context_pairs_as_turns_and_the_prefill_last() throws Exception {
        JsonNode body = DialectCases.requestInContextBody(Map.of("platform", "openai", "context", "2",
                "prefill", "Traduction :", "system-prompt", "Into {target_lang}."));

        assertThat(DialectCases.turns(body.get("messages"))).containsExactly(
                "system: Into French.\n\nTranslate these terms as given:\nHello → Bonjour",
                "user: Two", "assistant: Deux", "user: Three", "assistant: Trois", "user: Hello",
                "assistant: Traduction :");
    }

    @Test
    void sends_no_context_by_default() throws Exception {
        JsonNode body = DialectCases.requestInContextBody(Map.of("platform", "openai"));

        assertThat(DialectCases.turns(body.get("messages"))).hasSize(2).last().isEqualTo("user: Hello");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} = {3}")
    @CsvSource(delimiter = '|', value = {
            // https://platform.openai.com/docs/api-reference/chat/create#chat-create-reasoning_effort
            "openai   | low    | /reasoning_effort | low",
            "openai   | none   | /reasoning_effort | none",
            "groq     | high   | /reasoning_effort | high",
            // https://api-docs.deepseek.com/guides/thinking_mode: no levels, on or off
            "deepseek | none   | /thinking/type    | disabled",
            "deepseek | medium | /thinking/type    | enabled",
            // https://www.alibabacloud.com/help/en/model-studio/deep-thinking
            "qwen     | none   | /enable_thinking  | false",
            "qwen     | high   | /enable_thinking  | true",
            "qwen     | high   | /thinking_budget  | 16384",
    })
    void maps_the_reasoning_effort(String platform, String effort, String field, String expected) throws Exception {
        JsonNode body = DialectCases.requestBody(Map.of("platform", platform, "reasoning-effort", effort));

        assertThat(body.at(field).asText()).isEqualTo(expected);
        assertThat(body.has("reasoning_effort")).as("one switch per platform")
                .isEqualTo(field.equals("/reasoning_effort"));
    }
}
