package dev.dragoman.provider.cohere;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.provider.DialectCases;
import dev.dragoman.provider.ErrorClass;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cohere dialect's own cases: errors by status, the addresses that select it (and the compatibility address
 * that does not), and its model list.
 */
class CohereDialectTest {

    @ParameterizedTest(name = "{0} {1} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Cohere: {"message": …}, the status decides
            "cohere | 401 | - | {\"message\":\"invalid api token\"} | KEY_REJECTED | -",
            "cohere | 402 | - | {\"message\":\"Please add a payment method\"} | QUOTA_EXHAUSTED | -",
            "cohere | 429 | 7 | {\"message\":\"You are using a Trial key, which is limited to 10 API calls / minute.\"} | RATE_LIMITED | 7",
            "cohere | 500 | - | {\"message\":\"internal server error\"} | TRANSIENT | -",
            "cohere | 400 | - | {\"message\":\"invalid request: system turn must be the first in the list\"} | REQUEST_REJECTED | -",
    })
    void sorts_error_replies(String platform, int status, String retryAfter, String body, ErrorClass expected,
            Double retrySeconds) {
        DialectCases.assertSortsError(platform, status, retryAfter, body, expected, retrySeconds);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://api.cohere.com | cohere",
            "https://api.cohere.ai/compatibility | openai",
    })
    void detects_the_dialect_from_the_address(String url, String dialect) {
        DialectCases.assertDetects(url, dialect);
    }

    @Test
    void lists_chat_models_from_v1() throws Exception {
        Map<String, String> options = Map.of("platform", "cohere");

        assertThat(DialectCases.modelsRequest(options).url())
                .startsWith("https://api.cohere.com/v1/models?endpoint=chat");
        assertThat(DialectCases.models(options, """
                {"models":[{"name":"command-r-08-2024","endpoints":["generate","chat","summarize"]},
                           {"name":"embed-english-v3.0","endpoints":["embed"]},
                           {"name":"command-a-03-2025","endpoints":["chat"]}],
                 "next_page_token":""}"""))
                .containsExactly("command-a-03-2025", "command-r-08-2024");
    }

    @Test
    void sends_context_pairs_as_turns_but_no_prefill() throws Exception {
        JsonNode body = DialectCases.requestInContextBody(Map.of("platform", "cohere", "context", "1",
                "prefill", "Traduction :"));

        assertThat(DialectCases.turns(body.get("messages"))).hasSize(4).endsWith("user: Three", "assistant: Trois",
                "user: Hello");
    }
}
