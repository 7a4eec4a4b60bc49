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
        String sourceLang,
        String targetLang,
        Duration maxCooldown,
        Duration defaultCooldown,
        Duration maxWait,
        int transientRetries) {

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
                properties.text("dragoman.source-lang", "auto"),
                properties.text("dragoman.target-lang", "English"),
                properties.duration("dragoman.keys.max-cooldown", Duration.ofSeconds(60)),
                properties.duration("dragoman.keys.default-cooldown", Duration.ofSeconds(5)),
                properties.duration("dragoman.retry.max-wait", Duration.ofSeconds(60)),
                retries == null ? 2 : retries);
    }
}
