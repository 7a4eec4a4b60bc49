package dev.dragoman.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.ConfigurationException;
import dev.dragoman.provider.Dialects;
import dev.dragoman.provider.Json;
import dev.dragoman.provider.Platforms.Preset;
import dev.dragoman.provider.Platforms;
import dev.dragoman.provider.ProviderSettings;

/** Reads and checks {@code dragoman.provider.<name>.*}; every problem stops start-up with one line naming the property. */
final class ProviderSettingsReader {

    static final int DEFAULT_CONCURRENCY = 4;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_MAX_REPLY = 1 << 20;

    private final PropertySource properties;

    ProviderSettingsReader(PropertySource properties) {
        this.properties = properties;
    }

    ProviderSettings read(String name) {
        String prefix = "dragoman.provider." + name + ".";
        Optional<Preset> preset = preset(prefix + "platform");
        Optional<String> url = properties.text(prefix + "url").or(() -> preset.map(Preset::url));
        String dialect = properties.text(prefix + "dialect")
                .or(() -> preset.map(Preset::dialect))
                .orElseGet(() -> Dialects.detect(url.orElseThrow(() -> missing(prefix + "url", preset))));
        if (!Dialects.names().contains(dialect)) {
            throw new ConfigurationException(prefix + "dialect: unknown dialect '" + dialect + "' (known: "
                    + String.join(", ", Dialects.names()) + ")");
        }
        boolean offline = Dialects.PSEUDO.equals(dialect);
        String address = offline ? url.orElse(null) : url.orElseThrow(() -> missing(prefix + "url", preset));
        String model = properties.text(prefix + "model")
                .or(() -> preset.map(Preset::model))
                .or(() -> Dialects.modelInAddress(dialect, address))
                .orElseGet(() -> offline ? Dialects.PSEUDO : null);
        if (model == null) {
            throw missing(prefix + "model", preset);
        }
        return new ProviderSettings(
                name,
                dialect,
                address,
                offline ? List.of() : keys(prefix + "keys"),
                model,
                properties.text(prefix + "system-prompt", ProviderSettings.DEFAULT_SYSTEM_PROMPT),
                properties.text(prefix + "user-prompt", ProviderSettings.DEFAULT_USER_PROMPT),
                properties.decimal(prefix + "temperature"),
                properties.decimal(prefix + "top-p"),
                properties.integer(prefix + "top-k"),
                properties.integer(prefix + "max-tokens"),
                properties.list(prefix + "stop", "\\|"),
                properties.decimal(prefix + "presence-penalty"),
                properties.decimal(prefix + "frequency-penalty"),
                properties.flag(prefix + "stream", false),
                extraBody(prefix + "extra-body"),
                extraHeaders(prefix + "extra-headers"),
                properties.duration(prefix + "timeout", DEFAULT_TIMEOUT),
                properties.positive(prefix + "concurrency", DEFAULT_CONCURRENCY),
                properties.integer(prefix + "rpm"),
                preset.map(Preset::name).orElse(null),
                properties.text(prefix + "token-url", null),
                terms(prefix + "terms"),
                properties.text(prefix + "domains", null),
                properties.positive(prefix + "max-reply", DEFAULT_MAX_REPLY));
    }

    private Optional<Preset> preset(String property) {
        return properties.text(property).map(platform -> Platforms.byName(platform).orElseThrow(() ->
                new ConfigurationException(property + ": unknown platform '" + platform + "' (known: "
                        + String.join(", ", Platforms.all().keySet()) + ")")));
    }

    private static ConfigurationException missing(String property, Optional<Preset> preset) {
        return new ConfigurationException(property + " is missing"
                + preset.map(p -> " (platform " + p.name() + " has no default for it)").orElse(""));
    }

    /** {@code source=target | source2=target2} */
    private Map<String, String> terms(String property) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (String term : properties.list(property, "\\|")) {
            int equals = term.indexOf('=');
            if (equals < 1) {
                throw new ConfigurationException(property + ": '" + term + "' is not 'source=target'");
            }
            terms.put(term.substring(0, equals).strip(), term.substring(equals + 1).strip());
        }
        return Collections.unmodifiableMap(terms);
    }

    private List<ApiKey> keys(String property) {
        List<ApiKey> keys = properties.list(property, "\\|").stream().map(ApiKey::new).toList();
        if (keys.isEmpty()) {
            throw new ConfigurationException(property + " is missing");
        }
        return keys;
    }

    private ObjectNode extraBody(String property) {
        return properties.text(property).map(value -> {
            JsonNode node = Json.tryParse(value).orElse(null);
            if (node == null || !node.isObject()) {
                throw new ConfigurationException(property + " must be a JSON object");
            }
            return (ObjectNode) node;
        }).orElse(null);
    }

    /** {@code Name: value | Name2: value} */
    private Map<String, String> extraHeaders(String property) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : properties.list(property, "\\|")) {
            int colon = header.indexOf(':');
            if (colon < 1) {
                throw new ConfigurationException(property + ": '" + header + "' is not 'Name: value'");
            }
            headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
        }
        return Map.copyOf(headers);
    }
}
