package dev.dragoman.provider.claude;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.DialectCases;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.HttpCall;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claude dialect's own cases: errors by {@code error.type} (in a reply and inside a stream), the addresses that
 * select it, its sampling parameters and its model list.
 */
class ClaudeDialectTest {

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Claude: error.type decides; 529 overloaded; 402 billing
            "claude | 401 | - | {\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"},\"request_id\":\"req_1\"} | KEY_REJECTED | -",
            "claude | 403 | - | {\"type\":\"error\",\"error\":{\"type\":\"permission_error\",\"message\":\"not allowed\"}} | KEY_REJECTED | -",
            "claude | 429 | 20 | {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Number of requests has exceeded your rate limit\"}} | RATE_LIMITED | 20",
            "claude | 402 | - | {\"type\":\"error\",\"error\":{\"type\":\"billing_error\",\"message\":\"Your credit balance is too low\"}} | QUOTA_EXHAUSTED | -",
            "claude | 529 | - | {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}} | TRANSIENT | -",
            "claude | 400 | - | {\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"`temperature` and `top_p` cannot both be specified\"}} | REQUEST_REJECTED | -",
    })
    void sorts_error_replies(String platform, int status, String retryAfter, String body, ErrorClass expected,
            Double retrySeconds) {
        DialectCases.assertSortsError(platform, status, retryAfter, body, expected, retrySeconds);
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Claude: an error event in a 200 stream
            "claude | event | {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}} | TRANSIENT",
            "claude | event | {\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"Rate limited\"}} | RATE_LIMITED",
    })
    void fails_on_errors_inside_a_successful_reply(String platform, String where, String body, ErrorClass expected) {
        DialectCases.assertFailsInsideSuccess(platform, where, body, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://api.anthropic.com | claude",
            "https://api.anthropic.com/v1/messages | claude",
    })
    void detects_the_dialect_from_the_address(String url, String dialect) {
        DialectCases.assertDetects(url, dialect);
    }

    @Test
    void sends_top_p_only_without_temperature_and_always_max_tokens() throws Exception {
        JsonNode body = DialectCases.requestBody(Map.of("platform", "claude", "top-p", "0.9", "max-tokens", "300"));
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(300);
    }

    @Test
    void lists_with_its_version_header() throws Exception {
        Map<String, String> options = Map.of("platform", "claude");
        HttpCall call = DialectCases.modelsRequest(options);

        assertThat(call.url()).isEqualTo("https://api.anthropic.com/v1/models");
        assertThat(call.headers()).containsEntry("anthropic-version", "2023-06-01");
        assertThat(DialectCases.wireFormat(options).authHeaders(new ApiKey("sk-ant-api03-000000000001")))
                .containsEntry("x-api-key", "sk-ant-api03-000000000001");
        assertThat(DialectCases.models(options, """
                {"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5"},
                         {"type":"model","id":"claude-haiku-4-5","display_name":"Claude Haiku 4.5"}],
                 "has_more":false,"first_id":"claude-sonnet-4-5","last_id":"claude-haiku-4-5"}"""))
                .as("newest first, as Anthropic lists them").containsExactly("claude-sonnet-4-5", "claude-haiku-4-5");
    }

    @Test
    void sends_context_pairs_as_turns_and_the_prefill_last() throws Exception {
        JsonNode body = DialectCases.requestInContextBody(Map.of("platform", "claude", "context", "3",
                "prefill", "Traduction :"));

        assertThat(DialectCases.turns(body.get("messages"))).containsExactly("user: One", "assistant: Un",
                "user: Two", "assistant: Deux", "user: Three", "assistant: Trois", "user: Hello",
                "assistant: Traduction :");
        assertThat(body.get("system").asText()).endsWith("Translate these terms as given:\nHello → Bonjour");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // https://platform.claude.com/docs/en/build-with-claude/extended-thinking: max_tokens above the budget
            "none | {\"type\":\"disabled\"} | 4096",
            "low  | {\"type\":\"enabled\",\"budget_tokens\":1024} | 5120",
            "high | {\"type\":\"enabled\",\"budget_tokens\":16384} | 20480",
    })
    void maps_the_reasoning_effort_to_a_thinking_budget(String effort, String thinking, int maxTokens)
            throws Exception {
        JsonNode body = DialectCases.requestBody(Map.of("platform", "claude", "reasoning-effort", effort));

        assertThat(body.get("thinking").toString()).isEqualTo(thinking);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(maxTokens);
    }
}
