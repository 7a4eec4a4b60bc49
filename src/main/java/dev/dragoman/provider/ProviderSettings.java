package dev.dragoman.provider;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.keys.ApiKey;

/**
 * One provider instance as configured under {@code dragoman.provider.<name>.*}; application.properties documents each
 * option. Optional numbers are null when not set, so a dialect sends only what the user chose.
 *
 * @param platform the preset the instance was made from ({@link Platforms}), or null
 * @param tokenUrl Qianfan: where AK/SK keys are exchanged for bearer tokens, or null for Baidu's IAM endpoint
 * @param terms    Qwen-MT: terms to translate as given, source to target (empty when none)
 * @param domains  Qwen-MT: the domain and style hint, or null
 * @param maxReply the largest reply body read, in bytes; a larger one is refused
 */
public record ProviderSettings(
        String name,
        String dialect,
        String url,
        List<ApiKey> keys,
        String model,
        String systemPrompt,
        String userPrompt,
        Double temperature,
        Double topP,
        Integer topK,
        Integer maxTokens,
        List<String> stop,
        Double presencePenalty,
        Double frequencyPenalty,
        boolean stream,
        ObjectNode extraBody,
        Map<String, String> extraHeaders,
        Duration timeout,
        int concurrency,
        Integer rpm,
        String platform,
        String tokenUrl,
        Map<String, String> terms,
        String domains,
        int maxReply) {

    public static final String DEFAULT_SYSTEM_PROMPT = "You are a professional translator. Translate the text the user"
            + " sends from {source_lang} into {target_lang}. Reply with the translation only: no explanations, notes,"
            + " quotes or commentary. Keep every line break, the formatting, placeholders, numbers and names.";

    public static final String DEFAULT_USER_PROMPT = "{text}";
}
