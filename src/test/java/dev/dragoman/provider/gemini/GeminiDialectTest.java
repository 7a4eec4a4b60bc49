package dev.dragoman.provider.gemini;

import java.util.ArrayList;
import java.util.List;
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
 * The gemini dialect's own cases: google.rpc.Status errors and blocked prompts, the addresses that select it (and the
 * OpenAI compatibility address that does not), its request address and its model list.
 */
class GeminiDialectTest {

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Gemini: google.rpc.Status; a bad key is a 400; RetryInfo in the body; a daily quota does not clear
            "gemini | 400 | - | {\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a valid API key.\",\"status\":\"INVALID_ARGUMENT\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.ErrorInfo\",\"reason\":\"API_KEY_INVALID\",\"domain\":\"googleapis.com\"}]}} | KEY_REJECTED | -",
            "gemini | 403 | - | {\"error\":{\"code\":403,\"message\":\"Permission denied\",\"status\":\"PERMISSION_DENIED\"}} | KEY_REJECTED | -",
            "gemini | 429 | - | {\"error\":{\"code\":429,\"message\":\"Resource has been exhausted (e.g. check quota).\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[{\"quotaMetric\":\"generativelanguage.googleapis.com/generate_content_free_tier_requests\",\"quotaId\":\"GenerateRequestsPerMinutePerProjectPerModel-FreeTier\"}]},{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"38s\"}]}} | RATE_LIMITED | 38",
            "gemini | 429 | - | {\"error\":{\"code\":429,\"message\":\"You exceeded your current quota\",\"status\":\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.QuotaFailure\",\"violations\":[{\"quotaId\":\"GenerateRequestsPerDayPerProjectPerModel-FreeTier\"}]},{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\",\"retryDelay\":\"43200s\"}]}} | QUOTA_EXHAUSTED | 43200",
            "gemini | 503 | - | {\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again later.\",\"status\":\"UNAVAILABLE\"}} | TRANSIENT | -",
            "gemini | 400 | - | {\"error\":{\"code\":400,\"message\":\"User location is not supported for the API use.\",\"status\":\"FAILED_PRECONDITION\"}} | REQUEST_REJECTED | -",
    })
    void sorts_error_replies(String platform, int status, String retryAfter, String body, ErrorClass expected,
            Double retrySeconds) {
        DialectCases.assertSortsError(platform, status, retryAfter, body, expected, retrySeconds);
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Gemini: a blocked prompt is a refused request, not an empty translation
            "gemini | reply | {\"promptFeedback\":{\"blockReason\":\"SAFETY\",\"safetyRatings\":[]},\"usageMetadata\":{\"promptTokenCount\":8}} | REQUEST_REJECTED",
            "gemini | event | {\"promptFeedback\":{\"blockReason\":\"PROHIBITED_CONTENT\"}} | REQUEST_REJECTED",
            "gemini | event | {\"error\":{\"code\":503,\"message\":\"The model is overloaded.\",\"status\":\"UNAVAILABLE\"}} | TRANSIENT",
    })
    void fails_on_errors_inside_a_successful_reply(String platform, String where, String body, ErrorClass expected) {
        DialectCases.assertFailsInsideSuccess(platform, where, body, expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://generativelanguage.googleapis.com | gemini",
            "https://generativelanguage.googleapis.com/v1beta/models | gemini",
            "https://relay.example.com/google/v1beta | gemini",
            "https://generativelanguage.googleapis.com/v1beta/openai | openai",
    })
    void detects_the_dialect_from_the_address(String url, String dialect) {
        DialectCases.assertDetects(url, dialect);
    }

    @Test
    void never_puts_the_key_in_the_address() {
        HttpCall call = DialectCases.request(Map.of("platform", "gemini", "stream", "true"));
        assertThat(call.url()).isEqualTo("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash"
                + ":streamGenerateContent?alt=sse");
    }

    @Test
    void lists_only_models_that_generate_content_without_their_prefix() throws Exception {
        Map<String, String> options = Map.of("platform", "gemini");

        assertThat(DialectCases.modelsRequest(options).url())
                .isEqualTo("https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000")
                .doesNotContain("key=");
        assertThat(DialectCases.models(options, """
                {"models":[
                  {"name":"models/gemini-2.5-flash","supportedGenerationMethods":["generateContent","countTokens"]},
                  {"name":"models/text-embedding-004","supportedGenerationMethods":["embedContent"]},
                  {"name":"models/gemini-2.5-pro","supportedGenerationMethods":["generateContent"]}],
                 "nextPageToken":"abc"}"""))
                .containsExactly("gemini-2.5-flash", "gemini-2.5-pro");
    }

    @Test
    void sends_context_pairs_as_model_turns_and_the_prefill_last() throws Exception {
        JsonNode body = DialectCases.requestInContextBody(Map.of("platform", "gemini", "context", "1",
                "prefill", "Traduction :"));

        List<String> turns = new ArrayList<>();
        body.get("contents").forEach(content -> turns.add(content.path("role").asText() + ": "
                + content.at("/parts/0/text").asText()));
        assertThat(turns).containsExactly("user: Three", "model: Trois", "user: Hello", "model: Traduction :");
        assertThat(body.at("/systemInstruction/parts/0/text").asText()).endsWith("Hello → Bonjour");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // https://ai.google.dev/gemini-api/docs/thinking: 0 turns thinking off
            "none   | 0",
            "medium | 4096",
    })
    void maps_the_reasoning_effort_to_a_thinking_budget(String effort, int budget) throws Exception {
        JsonNode body = DialectCases.requestBody(Map.of("platform", "gemini", "reasoning-effort", effort));

        assertThat(body.at("/generationConfig/thinkingConfig/thinkingBudget").asInt(-1)).isEqualTo(budget);
    }
}
