package dev.dragoman.config;

import java.util.Map;
import java.util.Optional;

import dev.dragoman.provider.ProviderSettings;

/** Provider settings read the way the application reads them, from {@code option → value} pairs, for unit tests. */
public final class TestSettings {

    private TestSettings() {
    }

    /** {@code dragoman.provider.<name>.<option>} for each option; a key is added when none is given. */
    public static ProviderSettings read(String name, Map<String, String> options) {
        String prefix = "dragoman.provider." + name + ".";
        PropertySource source = new PropertySource(property -> {
            if (!property.startsWith(prefix)) {
                return Optional.empty();
            }
            String option = property.substring(prefix.length());
            return Optional.ofNullable(options.get(option))
                    .or(() -> "keys".equals(option) ? Optional.of("sk-test-key-000000001") : Optional.empty());
        });
        return new ProviderSettingsReader(source).read(name);
    }
}
