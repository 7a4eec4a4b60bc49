package dev.dragoman.memory;

import java.lang.reflect.RecordComponent;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.dragoman.provider.ProviderSettings;

/**
 * A SHA-256 over the settings of an instance that shape its translations: prompts, sampling, the dialect and its own
 * options, extra body. So a changed prompt or temperature never brings back translations made under the old one.
 * Every setting counts unless it is named here as one that only changes how or how fast the call is made, so an
 * option added later to {@link ProviderSettings} separates translations until someone decides it does not matter.
 */
public final class SettingsHash {

    /** How the call is made, not what it asks for; the model is a part of the key of its own. */
    static final Set<String> NOT_SHAPING = Set.of("name", "url", "keys", "model", "stream", "extraHeaders", "timeout",
            "concurrency", "rpm", "platform", "maxReply", "proxy");

    // sorted map entries at every depth: the extra body's fields hash the same in whatever order they were written
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private SettingsHash() {
    }

    public static String of(ProviderSettings settings) {
        Map<String, Object> shaping = new TreeMap<>();
        for (RecordComponent component : ProviderSettings.class.getRecordComponents()) {
            if (!NOT_SHAPING.contains(component.getName())) {
                shaping.put(component.getName(), CANONICAL.convertValue(value(component, settings), Object.class));
            }
        }
        try {
            return HexFormat.of().formatHex(MemoryKey.sha256().digest(CANONICAL.writeValueAsBytes(shaping)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings of " + settings.name() + " cannot be hashed", e);
        }
    }

    private static Object value(RecordComponent component, ProviderSettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
