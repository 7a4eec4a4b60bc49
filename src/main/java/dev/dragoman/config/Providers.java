package dev.dragoman.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.dragoman.keys.KeyStores;
import dev.dragoman.provider.ProviderInstance;
import dev.dragoman.provider.ProviderSettings;

/** The provider instances in use, in fallback order; bound in Camel's registry as {@code providers}. */
public final class Providers {

    private final Map<String, ProviderInstance> byName = new LinkedHashMap<>();
    private final DragomanSettings settings;
    private final KeyStores stores;

    public Providers(DragomanSettings settings) {
        this(settings, KeyStores.inProcess());
    }

    /** @param stores where the instances' key states and call slots are kept */
    public Providers(DragomanSettings settings, KeyStores stores) {
        this.settings = settings;
        this.stores = stores;
        settings.providers().forEach(p -> byName.put(p.name(), ProviderInstance.of(p, stores, settings.keys(),
                settings.breaker())));
    }

    public DragomanSettings settings() {
        return settings;
    }

    /** How the instances' key budgets are shared among the processes of a group now. */
    public KeyStores.Sharing sharing() {
        return stores.sharing();
    }

    public List<ProviderInstance> all() {
        return List.copyOf(byName.values());
    }

    public Optional<ProviderInstance> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Whether some instance could translate now; while none can, sources pause instead of failing messages. */
    public boolean available() {
        return byName.values().stream().anyMatch(ProviderInstance::available);
    }

    /** How long until some instance could translate: zero when one can now. */
    public Duration timeUntilAvailable() {
        return byName.values().stream().map(ProviderInstance::timeUntilAvailable).min(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    /** The most earlier pairs any instance takes as context ({@code context}): what a document's memory keeps. */
    public int contextSize() {
        return settings.providers().stream().mapToInt(ProviderSettings::context).max().orElse(0);
    }

    /** The most requests any instance can have in flight, which sizes the pool that feeds them. */
    public int capacity() {
        return byName.values().stream().mapToInt(ProviderInstance::capacity).max().orElse(1);
    }
}
