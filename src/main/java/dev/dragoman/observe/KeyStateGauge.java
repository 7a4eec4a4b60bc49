package dev.dragoman.observe;

import java.time.Clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.dragoman.keys.ApiKey;
import dev.dragoman.keys.KeyPool;
import dev.dragoman.keys.KeyState;

/**
 * {@code dragoman_key_state{instance,key,state}}: 1 for the state the key is in, 0 for the other two, so that an alert
 * can say {@code dragoman_key_state{state="rejected"} == 1}. The pool's four states are shown as three: a key resting
 * after a 429 or a used-up quota ({@code cooling}) is {@code resting} until its time is up and {@code active} after,
 * as the pool then uses it again; a key being re-probed ({@code probing}) is still {@code rejected} until the probe
 * brings it back.
 */
enum KeyStateGauge {
    ACTIVE, RESTING, REJECTED;

    static void register(MeterRegistry registry, String instance, KeyPool pool, ApiKey key, Clock clock) {
        for (KeyStateGauge state : values()) {
            Gauge.builder("dragoman.key.state", pool, keys -> of(keys.state(key), clock) == state ? 1 : 0)
                    .description("1 for the key's current state (active, resting, rejected), 0 for the others")
                    .tag("instance", instance).tag("key", pool.label(key)).tag("state", state.name().toLowerCase())
                    .strongReference(true)
                    .register(registry);
        }
    }

    static KeyStateGauge of(KeyState state, Clock clock) {
        return switch (state.status()) {
            case ACTIVE -> ACTIVE;
            case COOLING -> state.usableAt(clock.instant()) ? ACTIVE : RESTING;
            case REJECTED, PROBING -> REJECTED;
        };
    }
}
