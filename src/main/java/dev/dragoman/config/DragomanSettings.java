package dev.dragoman.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.dragoman.keys.KeyRules;
import dev.dragoman.provider.BreakerRules;
import dev.dragoman.provider.ConfigurationException;
import dev.dragoman.provider.ProviderSettings;

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
        KeyRules keys,
        RetryRules retry,
        BreakerRules breaker) {

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
        return new DragomanSettings(
                names.stream().map(reader::read).toList(),
                strategy(properties.text("dragoman.strategy", "fallback")),
                properties.list("dragoman.sinks", ","),
                properties.text("dragoman.source-lang", "auto"),
                properties.text("dragoman.target-lang", "English"),
                keyRules(properties),
                retryRules(properties),
                breakerRules(properties));
    }

    private static KeyRules keyRules(PropertySource properties) {
        return new KeyRules(
                properties.duration("dragoman.keys.max-cooldown", Duration.ofSeconds(60)),
                properties.duration("dragoman.keys.default-cooldown", Duration.ofSeconds(5)),
                properties.duration("dragoman.keys.min-cooldown", Duration.ofMillis(500)),
                properties.duration("dragoman.keys.recheck", Duration.ofMinutes(10)),
                properties.duration("dragoman.keys.quota-rest", Duration.ofHours(1)));
    }

    private static RetryRules retryRules(PropertySource properties) {
        Integer retries = properties.integer("dragoman.retry.transient-attempts");
        return new RetryRules(
                properties.duration("dragoman.deadline", Duration.ofSeconds(120)),
                properties.duration("dragoman.retry.backoff", Duration.ofMillis(500)),
                properties.duration("dragoman.retry.max-backoff", Duration.ofSeconds(10)),
                properties.duration("dragoman.retry.max-wait", Duration.ofSeconds(60)),
                retries == null ? 2 : retries);
    }

    private static BreakerRules breakerRules(PropertySource properties) {
        return new BreakerRules(
                properties.positive("dragoman.breaker.failure-rate", 50),
                properties.positive("dragoman.breaker.min-calls", 10),
                properties.positive("dragoman.breaker.window", 20),
                properties.duration("dragoman.breaker.open-wait", Duration.ofSeconds(5)),
                properties.positive("dragoman.breaker.half-open-calls", 2));
    }

    private static Strategy strategy(String value) {
        try {
            return Strategy.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("dragoman.strategy must be fallback or compare, not '" + value + "'");
        }
    }
}
