package dev.dragoman.provider;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dragoman.config.ConfigurationException;
import dev.dragoman.config.ProviderSettings;
import dev.dragoman.config.TestSettings;
import dev.dragoman.translate.TranslationRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every platform preset resolves to the documented endpoint once its dialect normalises the address
 * (reference/providers.md, reference/seeds/000), and explicit settings still win over a preset.
 */
class PlatformsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "openai           | openai  | https://api.openai.com/v1/chat/completions",
            "deepseek         | openai  | https://api.deepseek.com/v1/chat/completions",
            "siliconflow      | openai  | https://api.siliconflow.cn/v1/chat/completions",
            "siliconflow-intl | openai  | https://api.siliconflow.com/v1/chat/completions",
            "qwen             | openai  | https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions",
            "dashscope        | openai  | https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions",
            "bailian          | openai  | https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions",
            "qwen-mt          | qwen-mt | https://dashscope.aliyuncs.com/compatible-mode/v1/chat/completions",
            "moonshot         | openai  | https://api.moonshot.cn/v1/chat/completions",
            "zhipu            | openai  | https://open.bigmodel.cn/api/paas/v4/chat/completions",
            "groq             | openai  | https://api.groq.com/openai/v1/chat/completions",
            "openrouter       | openai  | https://openrouter.ai/api/v1/chat/completions",
            "mistral          | openai  | https://api.mistral.ai/v1/chat/completions",
            "xai              | openai  | https://api.x.ai/v1/chat/completions",
            "doubao           | openai  | https://ark.cn-beijing.volces.com/api/v3/chat/completions",
            "spark            | openai  | https://spark-api-open.xf-yun.com/v1/chat/completions",
            "qianfan          | qianfan | https://qianfan.baidubce.com/v2/chat/completions",
            "hunyuan          | openai  | https://api.hunyuan.cloud.tencent.com/v1/chat/completions",
            "cerebras         | openai  | https://api.cerebras.ai/v1/chat/completions",
            "lingyiwanwu      | openai  | https://api.lingyiwanwu.com/v1/chat/completions",
            "deepinfra        | openai  | https://api.deepinfra.com/v1/openai/chat/completions",
            "gemini           | gemini  | https://generativelanguage.googleapis.com/v1beta/models/m:generateContent",
            "claude           | claude  | https://api.anthropic.com/v1/messages",
            "cohere           | cohere  | https://api.cohere.com/v2/chat",
    })
    void resolves_to_the_documented_endpoint(String platform, String dialect, String endpoint) {
        ProviderSettings settings = TestSettings.read("p", Map.of("platform", platform, "model", "m"));

        assertThat(settings.dialect()).isEqualTo(dialect);
        assertThat(settings.platform()).isEqualTo(platform);
        assertThat(Dialects.create(settings).orElseThrow().request(settings, request()).url()).isEqualTo(endpoint);
        assertThat(Dialects.detect(settings.url())).as("the address alone points to the same dialect")
                .isIn(dialect, Dialects.OPENAI);
    }

    @Test
    void every_preset_is_in_the_table() {
        assertThat(Platforms.all()).as("the 24 rows above and azure, which has no address of its own").hasSize(25);
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
        assertThat(Dialects.create(settings).orElseThrow().request(settings, request()).url())
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
