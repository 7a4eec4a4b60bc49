package dev.dragoman.keys;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the states of an instance's keys are kept: in this process ({@link #inProcess()}), or in a store that every
 * Dragoman process of a group shares ({@code dragoman.cluster.store}), so that a key one process found rejected or
 * resting is left alone by the others too. A key without a state is {@link KeyState#ACTIVE}.
 */
public interface KeyStates {

    /** The key's state as last known here. */
    KeyState get(ApiKey key);

    /**
     * Sets the key's state to {@code next} if it is still {@code expected}, atomically for every process that shares
     * the states: of several that try the same change, one succeeds.
     */
    boolean replace(ApiKey key, KeyState expected, KeyState next);

    /** Sets the key's state, whatever it was. */
    void put(ApiKey key, KeyState state);

    /** The states of a single process, in memory. */
    static KeyStates inProcess() {
        Map<ApiKey, KeyState> states = new ConcurrentHashMap<>();
        return new KeyStates() {
            @Override
            public KeyState get(ApiKey key) {
                return states.getOrDefault(key, KeyState.ACTIVE);
            }

            @Override
            public boolean replace(ApiKey key, KeyState expected, KeyState next) {
                if (expected.equals(KeyState.ACTIVE)) {
                    return next.equals(KeyState.ACTIVE) ? !states.containsKey(key)
                            : states.putIfAbsent(key, next) == null;
                }
                return next.equals(KeyState.ACTIVE) ? states.remove(key, expected)
                        : states.replace(key, expected, next);
            }

            @Override
            public void put(ApiKey key, KeyState state) {
                if (state.equals(KeyState.ACTIVE)) {
                    states.remove(key);
                } else {
                    states.put(key, state);
                }
            }
        };
    }
}
