package dev.dragoman.provider.openai;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ErrorClass;
import dev.dragoman.provider.HttpCall;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.ReplyBuilder;
import dev.dragoman.provider.SseEvent;
import dev.dragoman.translate.TranslationRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiFormatTest {

    private final OpenAiFormat dialect = new OpenAiFormat();

    static ProviderSettings settings(boolean stream) {
        return new ProviderSettings("p", "openai", "https://api.deepseek.com", List.of(new ApiKey("sk-123456789012")),
                "deepseek-chat", "Translate {source_lang} to {target_lang}.", "{text}", 0, null, null, 0.2, 0.9, null, 512,
                List.of("###"), null, 0.5, stream, (com.fasterxml.jackson.databind.node.ObjectNode) Json
                        .tryParse("{\"thinking\":{\"type\":\"disabled\"},\"temperature\":0.1}").orElseThrow(),
                Map.of("X-Title", "Dragoman"), null, Duration.ofSeconds(30), 4, null, null, 1 << 20, Map.of());
    }

    @Test
    void writes_the_documented_request() throws Exception {
        HttpCall call = dialect.request(settings(true), new TranslationRequest("1", "你好", "Chinese", "English", null));
        JsonNode body = Json.MAPPER.readTree(new String(call.body(), StandardCharsets.UTF_8));

        assertThat(call.url()).isEqualTo("https://api.deepseek.com/v1/chat/completions");
        assertThat(call.headers()).containsEntry("X-Title", "Dragoman").containsEntry("Accept", "text/event-stream");
        assertThat(body.at("/messages/0/content").asText()).isEqualTo("Translate Chinese to English.");
        assertThat(body.at("/messages/1/content").asText()).isEqualTo("你好");
        assertThat(body.get("temperature").asDouble()).as("extra-body wins").isEqualTo(0.1);
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.get("max_tokens").asInt()).isEqualTo(512);
        assertThat(body.get("frequency_penalty").asDouble()).isEqualTo(0.5);
        assertThat(body.has("presence_penalty")).isFalse();
        assertThat(body.at("/stop/0").asText()).isEqualTo("###");
        assertThat(body.at("/thinking/type").asText()).isEqualTo("disabled");
        assertThat(body.at("/stream_options/include_usage").asBoolean()).isTrue();
        assertThat(dialect.authHeaders(new ApiKey("sk-123456789012")))
                .containsEntry("Authorization", "Bearer sk-123456789012");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "401 | {\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}} | KEY_REJECTED",
            "403 | {\"error\":{\"message\":\"Country not supported\",\"type\":\"request_forbidden\"}} | KEY_REJECTED",
            "429 | {\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}} | RATE_LIMITED",
            "429 | {\"error\":{\"message\":\"You exceeded your current quota\",\"type\":\"insufficient_quota\",\"code\":\"insufficient_quota\"}} | QUOTA_EXHAUSTED",
            "402 | {\"error\":{\"message\":\"Insufficient Balance\",\"type\":\"unknown_error\"}} | QUOTA_EXHAUSTED",
            "400 | {\"error\":{\"message\":\"Invalid temperature\",\"type\":\"invalid_request_error\"}} | REQUEST_REJECTED",
            "404 | {\"error\":{\"message\":\"The model `x` does not exist\",\"code\":\"model_not_found\"}} | REQUEST_REJECTED",
            "500 | {\"error\":{\"message\":\"server error\",\"type\":\"server_error\"}} | TRANSIENT",
            "503 | Service Unavailable | TRANSIENT",
    })
    void sorts_errors_into_classes(int status, String body, ErrorClass expected) {
        ProviderException error = dialect.error(status, Json.tryParse(body).orElse(null), body,
                name -> "Retry-After".equalsIgnoreCase(name) ? "3" : null);
        assertThat(error.errorClass()).isEqualTo(expected);
        assertThat(error.getMessage()).startsWith("HTTP " + status);
        if (expected != ErrorClass.REQUEST_REJECTED) {
            assertThat(error.retryAfter()).contains(Duration.ofSeconds(3));
        }
    }

    @Test
    void an_error_inside_the_stream_fails_the_call() {
        SseEvent event = new SseEvent(null, "{\"error\":{\"message\":\"upstream overloaded\",\"code\":503}}");
        assertThatThrownBy(() -> dialect.readEvent(event, new ReplyBuilder()))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.errorClass()).isEqualTo(ErrorClass.TRANSIENT))
                .hasMessageContaining("upstream overloaded");
    }

    @Test
    void skips_chunks_without_choices_and_stops_at_done() throws Exception {
        ReplyBuilder reply = new ReplyBuilder();
        assertThat(dialect.readEvent(new SseEvent(null, "{\"choices\":[],\"prompt_filter_results\":[]}"), reply))
                .isTrue();
        assertThat(dialect.readEvent(new SseEvent(null, "{\"choices\":[{\"delta\":{\"content\":\"Hi\"}}]}"), reply))
                .isTrue();
        assertThat(dialect.readEvent(new SseEvent(null, "[DONE]"), reply)).isFalse();
        assertThat(reply.build().text()).isEqualTo("Hi");
    }

    @Test
    void lists_models_sorted() throws Exception {
        JsonNode list = Json.MAPPER.readTree("{\"object\":\"list\",\"data\":[{\"id\":\"b\"},{\"id\":\"a\"}]}");
        assertThat(dialect.readModels(list)).containsExactly("a", "b");
        assertThat(dialect.modelsRequest(settings(false)).url()).isEqualTo("https://api.deepseek.com/v1/models");
    }
}
