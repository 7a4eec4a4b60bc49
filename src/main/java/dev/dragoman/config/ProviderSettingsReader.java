package dev.dragoman.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.provider.Dialects;
import dev.dragoman.provider.Json;

/** Reads and checks {@code dragoman.provider.<name>.*}; every problem stops start-up with one line naming the property. */
final class ProviderSettingsReader {

    static final int DEFAULT_CONCURRENCY = 4;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final PropertySource properties;

    ProviderSettingsReader(PropertySource properties) {
        this.properties = properties;
    }

    ProviderSettings read(String name) {
        String prefix = "dragoman.provider." + name + ".";
        String dialect = properties.text(prefix + "dialect")
                .orElseGet(() -> Dialects.detect(properties.required(prefix + "url")));
        if (!Dialects.names().contains(dialect)) {
            throw new ConfigurationException(prefix + "dialect: unknown dialect '" + dialect + "' (known: "
                    + String.join(", ", Dialects.names()) + ")");
        }
        boolean offline = Dialects.PSEUDO.equals(dialect);
        return new ProviderSettings(
                name,
                dialect,
                offline ? properties.text(prefix + "url", null) : properties.required(prefix + "url"),
                offline ? List.of() : keys(prefix + "keys"),
                offline ? properties.text(prefix + "model", Dialects.PSEUDO) : properties.required(prefix + "model"),
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
                properties.integer(prefix + "rpm"));
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
