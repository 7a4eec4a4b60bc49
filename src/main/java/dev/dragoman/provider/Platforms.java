package dev.dragoman.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The platforms users name with {@code dragoman.provider.<name>.platform}, each with its address, dialect and a model
 * to start with (reference/seeds/000, reference/providers.md), so that a user writes only the platform and the keys.
 * Explicit {@code url}, {@code dialect} and {@code model} settings still win. A platform without an address (Azure:
 * every resource has its own) or without a default model (Doubao: the model is the user's endpoint id) needs those
 * set.
 */
public final class Platforms {

    /**
     * @param url     the address as users paste it; the dialect normalises it; null when every user has their own
     * @param model   a sensible first model, or null when there is none to guess
     */
    public record Preset(String name, String url, String dialect, String model) {
    }

    private static final Map<String, Preset> BY_NAME = new LinkedHashMap<>();

    static {
        add("openai", "https://api.openai.com/v1", Dialects.OPENAI, "gpt-4o-mini");
        add("deepseek", "https://api.deepseek.com", Dialects.OPENAI, "deepseek-chat");
        add("siliconflow", "https://api.siliconflow.cn/v1", Dialects.OPENAI, "Qwen/Qwen2.5-7B-Instruct");
        add("siliconflow-intl", "https://api.siliconflow.com/v1", Dialects.OPENAI, "Qwen/Qwen2.5-7B-Instruct");
        add("qwen", "https://dashscope.aliyuncs.com/compatible-mode/v1", Dialects.OPENAI, "qwen-plus");
        alias("dashscope", "qwen");
        alias("bailian", "qwen");
        add("qwen-mt", "https://dashscope.aliyuncs.com/compatible-mode/v1", Dialects.QWEN_MT, "qwen-mt-turbo");
        add("moonshot", "https://api.moonshot.cn/v1", Dialects.OPENAI, "moonshot-v1-8k");
        add("zhipu", "https://open.bigmodel.cn/api/paas/v4", Dialects.OPENAI, "glm-4-flash");
        add("groq", "https://api.groq.com/openai/v1", Dialects.OPENAI, "llama-3.3-70b-versatile");
        add("openrouter", "https://openrouter.ai/api/v1", Dialects.OPENAI, "openai/gpt-4o-mini");
        add("mistral", "https://api.mistral.ai/v1", Dialects.OPENAI, "mistral-small-latest");
        add("xai", "https://api.x.ai/v1", Dialects.OPENAI, "grok-3-mini");
        add("doubao", "https://ark.cn-beijing.volces.com/api/v3", Dialects.OPENAI, null);
        add("spark", "https://spark-api-open.xf-yun.com/v1", Dialects.OPENAI, "lite");
        add("qianfan", "https://qianfan.baidubce.com/v2", Dialects.QIANFAN, "ernie-4.0-turbo-8k");
        add("hunyuan", "https://api.hunyuan.cloud.tencent.com/v1", Dialects.OPENAI, "hunyuan-turbo");
        add("cerebras", "https://api.cerebras.ai/v1", Dialects.OPENAI, "llama-3.3-70b");
        add("lingyiwanwu", "https://api.lingyiwanwu.com/v1", Dialects.OPENAI, "yi-lightning");
        add("deepinfra", "https://api.deepinfra.com/v1/openai", Dialects.OPENAI,
                "meta-llama/Meta-Llama-3.1-8B-Instruct");
        add("gemini", "https://generativelanguage.googleapis.com", Dialects.GEMINI, "gemini-2.5-flash");
        add("claude", "https://api.anthropic.com", Dialects.CLAUDE, "claude-haiku-4-5");
        add("cohere", "https://api.cohere.com", Dialects.COHERE, "command-r-08-2024");
        add("azure", null, Dialects.AZURE, null);
    }

    private Platforms() {
    }

    private static void add(String name, String url, String dialect, String model) {
        BY_NAME.put(name, new Preset(name, url, dialect, model));
    }

    private static void alias(String alias, String name) {
        Preset preset = BY_NAME.get(name);
        BY_NAME.put(alias, new Preset(alias, preset.url(), preset.dialect(), preset.model()));
    }

    public static Optional<Preset> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase()));
    }

    /** Every preset, in the order the README lists them. */
    public static Map<String, Preset> all() {
        return Collections.unmodifiableMap(BY_NAME);
    }
}
