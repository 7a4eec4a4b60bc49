package dev.dragoman.provider;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.dragoman.config.TestSettings;
import dev.dragoman.provider.Platforms.Preset;
import dev.dragoman.translate.TranslationRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every shipped platform preset resolves to its provider's chat endpoint once its dialect normalises the address,
 * and explicit settings still win over a preset.
 */
class PlatformsTest {

    /**
     * The endpoint each known preset must reach, written out by hand; a preset added later is covered by
     * {@link #every_shipped_preset_makes_a_working_instance} until a row here pins its endpoint too.
     */
    private static final List<Arguments> ENDPOINTS = List.of(
            arguments("openai", "openai", "https://api.openai.com/v1/chat/completions"),
            arguments("deepseek", "openai", "https://api.deepseek.com/v1/chat/completions"),
            arguments("siliconflow", "openai", "https://api.siliconflow.cn/v1/chat/completions"),
            arguments("siliconflow-intl", "openai", "https://api.siliconflow.com/v1/chat/completions"),
            arguments("qwen", "openai", "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"),
            arguments("dashscope", "openai", "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"),
            arguments("bailian", "openai", "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"),
            arguments("qwen-mt", "qwen-mt", "https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions"),
            arguments("moonshot", "openai", "https://api.moonshot.cn/v1/chat/completions"),
            arguments("zhipu", "openai", "https://open.bigmodel.cn/api/paas/v4/chat/completions"),
            arguments("groq", "openai", "https://api.groq.com/openai/v1/chat/completions"),
            arguments("openrouter", "openai", "https://openrouter.ai/api/v1/chat/completions"),
            arguments("mistral", "openai", "https://api.mistral.ai/v1/chat/completions"),
            arguments("xai", "openai", "https://api.x.ai/v1/chat/completions"),
            arguments("doubao", "openai", "https://ark.cn-beijing.volces.com/api/v3/chat/completions"),
            arguments("spark", "openai", "https://spark-api-open.xf-yun.com/v1/chat/completions"),
            arguments("qianfan", "qianfan", "https://qianfan.baidubce.com/v2/chat/completions"),
            arguments("hunyuan", "openai", "https://api.hunyuan.cloud.tencent.com/v1/chat/completions"),
            arguments("cerebras", "openai", "https://api.cerebras.ai/v1/chat/completions"),
            arguments("lingyiwanwu", "openai", "https://api.lingyiwanwu.com/v1/chat/completions"),
            arguments("deepinfra", "openai", "https://api.deepinfra.com/v1/openai/chat/completions"),
            arguments("gemini", "gemini", "https://generativelanguage.googleapis.com/v1beta/models/m:generateContent"),
            arguments("claude", "claude", "https://api.anthropic.com/v1/messages"),
            arguments("cohere", "cohere", "https://api.cohere.com/v2/chat"));

    static Stream<Arguments> endpoints() {
        return ENDPOINTS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void resolves_to_the_documented_endpoint(String platform, String dialect, String endpoint) {
        ProviderSettings settings = TestSettings.read("p", Map.of("platform", platform, "model", "m"));

        assertThat(settings.dialect()).isEqualTo(dialect);
        assertThat(settings.platform()).isEqualTo(platform);
        assertThat(TestSettings.wireFormat(settings).request(settings, request()).url()).isEqualTo(endpoint);
    }

    @Test
    void the_endpoints_above_are_shipped_presets() {
        List<String> pinned = ENDPOINTS.stream().map(row -> (String) row.get()[0]).toList();
        assertThat(ShippedPlatforms.names()).containsAll(pinned);
    }

    static Stream<String> shippedPresetsWithAnAddress() {
        return ShippedPlatforms.names().stream().filter(name -> Platforms.byName(name).orElseThrow().url() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shippedPresetsWithAnAddress")
    void every_shipped_preset_makes_a_working_instance(String platform) {
        Preset preset = Platforms.byName(platform).orElseThrow();
        ProviderSettings settings = TestSettings.read("p", Map.of("platform", platform, "model", "m"));

        assertThat(settings.url()).isEqualTo(preset.url());
        assertThat(settings.dialect()).isEqualTo(preset.dialect());
        String endpoint = TestSettings.wireFormat(settings).request(settings, request()).url();
        assertThat(URI.create(endpoint).getHost()).isEqualTo(URI.create(preset.url()).getHost());
        assertThat(Dialects.detect(settings.url()).name()).as("the address alone points to the same dialect")
                .isIn(preset.dialect(), Dialects.DEFAULT);
    }

    @Test
    void a_preset_fills_in_address_dialect_and_model() {
        ProviderSettings settings = TestSettings.read("p", Map.of("platform", "deepseek"));
        assertThat(settings.url()).isEqualTo("https://api.deepseek.com");
        assertThat(settings.dialect()).isEqualTo("openai");
        assertThat(settings.model()).isEqualTo("deepseek-chat");
    }

    @Test
    void explicit_settings_win_over_the_preset() {
        ProviderSettings settings = TestSettings.read("p", Map.of("platform", "deepseek",
                "url", "https://relay.example.com/v1", "model", "deepseek-reasoner", "dialect", "openai"));
        assertThat(settings.url()).isEqualTo("https://relay.example.com/v1");
        assertThat(settings.model()).isEqualTo("deepseek-reasoner");
    }

    @Test
    void azure_needs_its_own_address_and_takes_the_deployment_as_model() {
        assertThatThrownBy(() -> TestSettings.read("p", Map.of("platform", "azure")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("dragoman.provider.p.url is missing");
        ProviderSettings settings = TestSettings.read("p", Map.of("platform", "azure",
                "url", "https://res.openai.azure.com/openai/deployments/gpt-4o-dep?api-version=2024-10-21"));
        assertThat(settings.model()).isEqualTo("gpt-4o-dep");
        assertThat(TestSettings.wireFormat(settings).request(settings, request()).url())
                .isEqualTo("https://res.openai.azure.com/openai/deployments/gpt-4o-dep/chat/completions"
                        + "?api-version=2024-10-21");
    }

    @Test
    void an_unknown_platform_names_the_known_ones() {
        assertThatThrownBy(() -> TestSettings.read("p", Map.of("platform", "nope")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("unknown platform 'nope'")
                .hasMessageContaining("deepseek");
    }

    private static TranslationRequest request() {
        return new TranslationRequest("1", "Hello", "auto", "French", null);
    }
}
