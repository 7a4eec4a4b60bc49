package dev.dragoman.keys;

import java.util.List;

/** Where each instance's key states and call slots are kept: in this process, or in the store a group shares. */
public interface KeyStores {

    KeyStates states(String instance, List<ApiKey> keys);

    KeySlots slots(String instance, List<ApiKey> keys, int concurrency);

    /** A process on its own. */
    static KeyStores inProcess() {
        return new KeyStores() {
            @Override
            public KeyStates states(String instance, List<ApiKey> keys) {
                return KeyStates.inProcess();
            }

            @Override
            public KeySlots slots(String instance, List<ApiKey> keys, int concurrency) {
                return KeySlots.inProcess();
            }
        };
    }
}
