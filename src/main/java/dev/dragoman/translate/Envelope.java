package dev.dragoman.translate;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The translation envelope: what Kafka and HTTP return and what extra sinks receive. Under {@code strategy=compare},
 * {@code translations} gives one entry per instance instead of translation, provider and model.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "source_lang", "target_lang", "text", "translation", "provider", "model", "usage", "cached",
        "latency_ms", "translations" })
public record Envelope(
        String id,
        @JsonProperty("source_lang") String sourceLang,
        @JsonProperty("target_lang") String targetLang,
        String text,
        String translation,
        String provider,
        String model,
        Usage usage,
        boolean cached,
        @JsonProperty("latency_ms") long latencyMs,
        List<ProviderResult> translations) {
}
