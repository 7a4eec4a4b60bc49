package dev.dragoman.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.keys.ApiKey;

/**
 * One provider instance as configured under {@code dragoman.provider.<name>.*}; application.properties documents each
 * option. Optional numbers are null when not set, so a dialect sends only what the user chose.
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
        Integer rpm) {

    public static final String DEFAULT_SYSTEM_PROMPT = "You are a professional translator. Translate the text the user"
            + " sends from {source_lang} into {target_lang}. Reply with the translation only: no explanations, notes,"
            + " quotes or commentary. Keep every line break, the formatting, placeholders, numbers and names.";

    public static final String DEFAULT_USER_PROMPT = "{text}";
}
