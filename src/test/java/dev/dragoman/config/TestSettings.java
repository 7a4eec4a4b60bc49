package dev.dragoman.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import dev.dragoman.provider.Dialects;
import dev.dragoman.provider.ProviderSettings;
import dev.dragoman.provider.WireFormat;

/** Settings read the way the application reads them, for unit tests that start no Camel. */
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
        return new ProviderSettingsReader(source, Set.of()).read(name);
    }

    /** The wire format an instance with these settings speaks. */
    public static WireFormat wireFormat(ProviderSettings settings) {
        return (WireFormat) Dialects.byName(settings.dialect()).orElseThrow().engine(settings);
    }

    /** The shipped application.properties as it is on the class path, which holds every default; tests change it. */
    public static Map<String, String> shipped() {
        Properties properties = new Properties();
        try (InputStream in = TestSettings.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> shipped = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> shipped.put(name, properties.getProperty(name)));
        return shipped;
    }
}
