package dev.dragoman.provider;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.config.TestSettings;
import dev.dragoman.translate.TranslationRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** Request details the route tests do not reach: platform quirks, parameter choices, and dialect detection. */
class DialectRequestsTest {

    private static JsonNode body(Map<String, String> options) throws Exception {
        ProviderSettings settings = TestSettings.read("p", options);
        HttpCall call = TestSettings.wireFormat(settings)
                .request(settings, new TranslationRequest("1", "Hello", "auto", "French", null));
        return Json.MAPPER.readTree(new String(call.body(), StandardCharsets.UTF_8));
    }

    @Test
    void deepseek_turns_thinking_off_unless_the_model_cannot_or_the_user_says_otherwise() throws Exception {
        assertThat(body(Map.of("platform", "deepseek")).at("/thinking/type").asText()).isEqualTo("disabled");
        assertThat(body(Map.of("platform", "deepseek", "model", "deepseek-reasoner")).has("thinking")).isFalse();
        assertThat(body(Map.of("platform", "deepseek", "extra-body", "{\"thinking\":{\"type\":\"enabled\"}}"))
                .at("/thinking/type").asText()).isEqualTo("enabled");
        assertThat(body(Map.of("platform", "openai")).has("thinking")).as("only DeepSeek").isFalse();
    }

    @Test
    void claude_sends_top_p_only_without_temperature_and_always_max_tokens() throws Exception {
        JsonNode body = body(Map.of("platform", "claude", "top-p", "0.9", "max-tokens", "300"));
        assertThat(body.get("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.has("temperature")).isFalse();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(300);
    }

    @Test
    void qwen_mt_passes_a_named_source_language_and_no_prompt() throws Exception {
        ProviderSettings settings = TestSettings.read("p", Map.of("platform", "qwen-mt"));
        HttpCall call = TestSettings.wireFormat(settings)
                .request(settings, new TranslationRequest("1", "你好", "Chinese", "English", null));
        JsonNode body = Json.MAPPER.readTree(new String(call.body(), StandardCharsets.UTF_8));
        assertThat(body.at("/translation_options/source_lang").asText()).isEqualTo("Chinese");
        assertThat(body.get("messages")).hasSize(1);
        assertThat(body.has("translation_options")).isTrue();
        assertThat(body.at("/translation_options/terms").isMissingNode()).isTrue();
    }

    @Test
    void gemini_never_puts_the_key_in_the_address() {
        ProviderSettings settings = TestSettings.read("p", Map.of("platform", "gemini", "stream", "true"));
        HttpCall call = TestSettings.wireFormat(settings)
                .request(settings, new TranslationRequest("1", "Hello", "auto", "French", null));
        assertThat(call.url()).isEqualTo("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash"
                + ":streamGenerateContent?alt=sse");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "https://generativelanguage.googleapis.com                     | gemini",
            "https://generativelanguage.googleapis.com/v1beta/models       | gemini",
            "https://relay.example.com/google/v1beta                       | gemini",
            "https://generativelanguage.googleapis.com/v1beta/openai       | openai",
            "https://api.anthropic.com                                     | claude",
            "https://api.anthropic.com/v1/messages                         | claude",
            "https://res.openai.azure.com/openai/deployments/d?api-version=1 | azure",
            "https://res.openai.azure.com/openai/v1                        | azure",
            "https://qianfan.baidubce.com/v2                               | qianfan",
            "https://api.cohere.com                                        | cohere",
            "https://api.cohere.ai/compatibility                           | openai",
            "https://dashscope.aliyuncs.com/compatible-mode/v1             | openai",
            "https://api.deepseek.com                                      | openai",
    })
    void detects_the_dialect_from_the_address(String url, String dialect) {
        assertThat(Dialects.detect(url).name()).isEqualTo(dialect);
    }
}
