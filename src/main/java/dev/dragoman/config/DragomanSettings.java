package dev.dragoman.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    /**
     * @param lookup     a property's resolved value
     * @param configured the names of the properties the configuration sets, to report those no option reads
     */
    public static DragomanSettings read(Function<String, Optional<String>> lookup, Set<String> configured) {
        PropertySource properties = new PropertySource(lookup);
        ProviderSettingsReader reader = new ProviderSettingsReader(properties, configured);
        List<String> names = properties.list("dragoman.providers", ",");
        if (names.isEmpty()) {
            throw new ConfigurationException("dragoman.providers is missing: name at least one provider instance");
        }
        return new DragomanSettings(
                names.stream().map(reader::read).toList(),
                strategy(properties.required("dragoman.strategy")),
                properties.list("dragoman.sinks", ","),
                properties.required("dragoman.source-lang"),
                properties.required("dragoman.target-lang"),
                keyRules(properties),
                retryRules(properties),
                breakerRules(properties));
    }

    private static KeyRules keyRules(PropertySource properties) {
        return new KeyRules(
                properties.requiredDuration("dragoman.keys.max-cooldown"),
                properties.requiredDuration("dragoman.keys.default-cooldown"),
                properties.requiredDuration("dragoman.keys.min-cooldown"),
                properties.requiredDuration("dragoman.keys.recheck"),
                properties.requiredDuration("dragoman.keys.quota-rest"));
    }

    private static RetryRules retryRules(PropertySource properties) {
        return new RetryRules(
                properties.requiredDuration("dragoman.deadline"),
                properties.requiredDuration("dragoman.retry.backoff"),
                properties.requiredDuration("dragoman.retry.max-backoff"),
                properties.requiredDuration("dragoman.retry.max-wait"),
                properties.requiredInteger("dragoman.retry.transient-attempts"));
    }

    private static BreakerRules breakerRules(PropertySource properties) {
        return new BreakerRules(
                properties.requiredPositive("dragoman.breaker.failure-rate"),
                properties.requiredPositive("dragoman.breaker.min-calls"),
                properties.requiredPositive("dragoman.breaker.window"),
                properties.requiredDuration("dragoman.breaker.open-wait"),
                properties.requiredPositive("dragoman.breaker.half-open-calls"));
    }

    private static Strategy strategy(String value) {
        try {
            return Strategy.valueOf(value.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("dragoman.strategy must be fallback or compare, not '" + value + "'");
        }
    }
}
