package dev.dragoman.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The settings that are not a provider's own, and the provider instances in fallback order; application.properties
 * documents each.
 */
public record DragomanSettings(
        List<ProviderSettings> providers,
        Strategy strategy,
        List<String> sinks,
        String sourceLang,
        String targetLang,
        Duration maxCooldown,
        Duration defaultCooldown,
        Duration maxWait,
        int transientRetries) {

    /** How several provider instances share a text. */
    public enum Strategy {
        /** The first instance translates; the next takes over when one fails for good. */
        FALLBACK,
        /** Every instance translates the same text, side by side. */
        COMPARE
    }

    public static DragomanSettings read(Function<String, Optional<String>> lookup) {
        PropertySource properties = new PropertySource(lookup);
        ProviderSettingsReader reader = new ProviderSettingsReader(properties);
        List<String> names = properties.list("dragoman.providers", ",");
        if (names.isEmpty()) {
            throw new ConfigurationException("dragoman.providers is missing: name at least one provider instance");
        }
        Integer retries = properties.integer("dragoman.retry.transient-attempts");
        return new DragomanSettings(
                names.stream().map(reader::read).toList(),
                strategy(properties.text("dragoman.strategy", "fallback")),
                properties.list("dragoman.sinks", ","),
                properties.text("dragoman.source-lang", "auto"),
                properties.text("dragoman.target-lang", "English"),
                properties.duration("dragoman.keys.max-cooldown", Duration.ofSeconds(60)),
                properties.duration("dragoman.keys.default-cooldown", Duration.ofSeconds(5)),
                properties.duration("dragoman.retry.max-wait", Duration.ofSeconds(60)),
                retries == null ? 2 : retries);
    }

    private static Strategy strategy(String value) {
        try {
            return Strategy.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("dragoman.strategy must be fallback or compare, not '" + value + "'");
        }
    }
}
