package dev.dragoman.provider;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.dragoman.config.TestSettings;
import dev.dragoman.keys.ApiKey;

import static org.assertj.core.api.Assertions.assertThat;

/** The model-list call of each shape (OpenAI, Gemini, Claude, Cohere): its request and its reading. */
class ModelListsTest {

    private static WireFormat dialect(Map<String, String> options) {
        return TestSettings.wireFormat(TestSettings.read("p", options));
    }

    /** The model-list call of an instance made from these options. */
    private static HttpCall call(WireFormat dialect, Map<String, String> options) {
        return dialect.modelsRequest(TestSettings.read("p", options));
    }

    @Test
    void openai_lists_data_ids() throws Exception {
        Map<String, String> options = Map.of("platform", "deepseek");
        WireFormat dialect = dialect(options);
        HttpCall call = call(dialect, options);

        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.url()).isEqualTo("https://api.deepseek.com/v1/models");
        assertThat(dialect.readModels(Json.MAPPER.readTree("""
                {"object":"list","data":[{"id":"deepseek-reasoner","object":"model","owned_by":"deepseek"},
                                         {"id":"deepseek-chat","object":"model","owned_by":"deepseek"}]}""")))
                .containsExactly("deepseek-chat", "deepseek-reasoner");
    }

    @Test
    void gemini_lists_only_models_that_generate_content_without_their_prefix() throws Exception {
        Map<String, String> options = Map.of("platform", "gemini");
        WireFormat dialect = dialect(options);
        HttpCall call = call(dialect, options);

        assertThat(call.url()).isEqualTo("https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000")
                .doesNotContain("key=");
        assertThat(dialect.readModels(Json.MAPPER.readTree("""
                {"models":[
                  {"name":"models/gemini-2.5-flash","supportedGenerationMethods":["generateContent","countTokens"]},
                  {"name":"models/text-embedding-004","supportedGenerationMethods":["embedContent"]},
                  {"name":"models/gemini-2.5-pro","supportedGenerationMethods":["generateContent"]}],
                 "nextPageToken":"abc"}""")))
                .containsExactly("gemini-2.5-flash", "gemini-2.5-pro");
    }

    @Test
    void claude_lists_with_its_version_header() throws Exception {
        Map<String, String> options = Map.of("platform", "claude");
        WireFormat dialect = dialect(options);
        HttpCall call = call(dialect, options);

        assertThat(call.url()).isEqualTo("https://api.anthropic.com/v1/models");
        assertThat(call.headers()).containsEntry("anthropic-version", "2023-06-01");
        assertThat(dialect.authHeaders(new ApiKey("sk-ant-api03-000000000001")))
                .containsEntry("x-api-key", "sk-ant-api03-000000000001");
        assertThat(dialect.readModels(Json.MAPPER.readTree("""
                {"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5"},
                         {"type":"model","id":"claude-haiku-4-5","display_name":"Claude Haiku 4.5"}],
                 "has_more":false,"first_id":"claude-sonnet-4-5","last_id":"claude-haiku-4-5"}""")))
                .as("newest first, as Anthropic lists them").containsExactly("claude-sonnet-4-5", "claude-haiku-4-5");
    }

    @Test
    void cohere_lists_chat_models_from_v1() throws Exception {
        Map<String, String> options = Map.of("platform", "cohere");
        WireFormat dialect = dialect(options);
        HttpCall call = call(dialect, options);

        assertThat(call.url()).startsWith("https://api.cohere.com/v1/models?endpoint=chat");
        assertThat(dialect.readModels(Json.MAPPER.readTree("""
                {"models":[{"name":"command-r-08-2024","endpoints":["generate","chat","summarize"]},
                           {"name":"embed-english-v3.0","endpoints":["embed"]},
                           {"name":"command-a-03-2025","endpoints":["chat"]}],
                 "next_page_token":""}""")))
                .containsExactly("command-a-03-2025", "command-r-08-2024");
    }

    @Test
    void azure_lists_the_resource_models_on_v1() {
        Map<String, String> options = Map.of("url",
                "https://res.openai.azure.com/openai/deployments/gpt-4o-dep/chat/completions?api-version=2024-10-21");
        assertThat(call(dialect(options), options).url())
                .isEqualTo("https://res.openai.azure.com/openai/v1/models");
    }
}
