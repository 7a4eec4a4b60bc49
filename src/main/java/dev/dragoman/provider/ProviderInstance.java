package dev.dragoman.provider;

import java.time.Clock;
import java.time.Duration;

import dev.dragoman.config.ProviderSettings;
import dev.dragoman.keys.KeyPool;

/** A configured provider at run time: its settings, its wire format, and the live state of its keys. */
public record ProviderInstance(ProviderSettings settings, Dialect dialect, KeyPool keys) {

    public static ProviderInstance of(ProviderSettings settings, Duration maxCooldown) {
        return new ProviderInstance(settings, Dialects.create(settings).orElse(null),
                new KeyPool(settings.keys(), maxCooldown, Clock.systemUTC()));
    }

    public String name() {
        return settings.name();
    }

    /** Offline instances (the pseudo-localiser) answer without HTTP, keys or load balancing. */
    public boolean offline() {
        return dialect == null;
    }

    /**
     * Whether a call could be sent now: offline instances always can, others while some key is usable. Sources ask
     * this to pause rather than fail every message while no instance can translate.
     */
    public boolean available() {
        return offline() || keys.keys().stream().anyMatch(keys::usable);
    }

    /** How many requests this instance can have in flight: one lane per key, each with its concurrency. */
    public int capacity() {
        return Math.max(1, keys.keys().size()) * settings.concurrency();
    }
}
