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
 * @param context  how many earlier pairs of a text's document go along ({@link Prompt})
 * @param proxy    the HTTP proxy of the instance's calls, or null
 * @param platform the preset the instance was made from ({@link Platforms}), or null
 * @param maxReply the largest reply body read, in bytes; a larger one is refused
 * @param options  the values of the dialect's own options ({@link Dialect#options()}) and of the options the
 *                 instance's route reads rather than the dialect ({@link ProviderOptions#BATCH_LINES},
 *                 {@link ProviderOptions#BATCH_CHARS}) or its meters ({@link ProviderOptions#PRICE_PROMPT},
 *                 {@link ProviderOptions#PRICE_COMPLETION}) by name, read with {@link #option}
 */
public record ProviderSettings(
        String name,
        String dialect,
        String url,
        List<ApiKey> keys,
        String model,
        String systemPrompt,
        String userPrompt,
        int context,
        String prefill,
        ReasoningEffort reasoningEffort,
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
        ProxyAddress proxy,
        Duration timeout,
        int concurrency,
        Integer rpm,
        String platform,
        int maxReply,
        Map<String, Object> options) {

    /** The same settings with other prompts, and neither context nor prefill: for a request that stands alone. */
    public ProviderSettings withPromptsAlone(String system, String user) {
        return new ProviderSettings(name, dialect, url, keys, model, system, user, 0, null, reasoningEffort,
                temperature, topP, topK, maxTokens, stop, presencePenalty, frequencyPenalty, stream, extraBody,
                extraHeaders, proxy, timeout, concurrency, rpm, platform, maxReply, options);
    }

    /** The value of one of the dialect's own options: the one set, its default, or null. */
    @SuppressWarnings("unchecked") // the value was read by the option's own type
    public <T> T option(ProviderOption<T> option) {
        return (T) options.get(option.name());
    }

    /** The names of the checks every translation of this instance must pass; {@code none} for no check. */
    public List<String> checks() {
        List<String> checks = option(ProviderOptions.CHECKS);
        // settings made in code rather than read from the configuration (tests) check nothing
        return checks == null || checks.equals(List.of("none")) ? List.of() : checks;
    }
}
