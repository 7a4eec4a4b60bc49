package dev.dragoman.provider.qwenmt;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.provider.DialectCases;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.translate.TranslationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The qwen-mt dialect's own cases: its errors, and its translation options in place of a prompt. */
class QwenMtDialectTest {

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Qwen-MT: OpenAI-shaped
            "qwen-mt | 401 | - | {\"error\":{\"code\":\"invalid_api_key\",\"message\":\"Incorrect API key provided.\",\"type\":\"invalid_request_error\"},\"request_id\":\"r1\"} | KEY_REJECTED | -",
            "qwen-mt | 429 | 2 | {\"error\":{\"code\":\"Throttling.RateQuota\",\"message\":\"Requests rate limit exceeded\",\"type\":\"rate_limit\"}} | RATE_LIMITED | 2",
    })
    void sorts_error_replies(String platform, int status, String retryAfter, String body, ErrorClass expected,
            Double retrySeconds) {
        DialectCases.assertSortsError(platform, status, retryAfter, body, expected, retrySeconds);
    }

    @Test
    void passes_a_named_source_language_and_no_prompt() throws Exception {
        JsonNode body = DialectCases.body(DialectCases.request(Map.of("platform", "qwen-mt"),
                new TranslationRequest("1", "你好", "Chinese", "English", null)));
        assertThat(body.at("/translation_options/source_lang").asText()).isEqualTo("Chinese");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.has("translation_options")).isTrue();
        assertThat(body.at("/translation_options/terms").isMissingNode()).isTrue();
    }

    @Test
    void takes_the_glossary_terms_after_the_configured_ones_and_no_context() throws Exception {
        JsonNode body = DialectCases.requestInContextBody(Map.of("platform", "qwen-mt", "context", "3",
                "prefill", "Traduction :", "terms", "Hello=Salut | World=Monde"));

        assertThat(body.at("/translation_options/terms").toString())
                .as("the configured translation of Hello wins")
                .isEqualTo("[{\"source\":\"Hello\",\"target\":\"Salut\"},{\"source\":\"World\",\"target\":\"Monde\"}]");
        assertThat(body.get("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hello\"}]");
    }

    @Test
    void takes_the_glossary_terms_alone() throws Exception {
        JsonNode body = DialectCases.requestInContextBody(Map.of("platform", "qwen-mt"));

        assertThat(body.at("/translation_options/terms").toString())
                .isEqualTo("[{\"source\":\"Hello\",\"target\":\"Bonjour\"}]");
    }
}
