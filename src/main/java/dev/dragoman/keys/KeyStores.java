package dev.dragoman.keys;

import java.util.List;

/**
 * Where each instance's key states, call slots, per-minute limits and spending are kept: in this process, or in the
 * store a group shares.
 */
public interface KeyStores {

    KeyStates states(String instance, List<ApiKey> keys);

    KeySlots slots(String instance, List<ApiKey> keys, int concurrency);

    /**
     * @param rpm requests per minute per key, or null
     * @param tpm tokens per minute per key, or null
     */
    KeyRates rates(String instance, List<ApiKey> keys, Integer rpm, Integer tpm);

    SpendLedger ledger(String instance);

    /** How the keys' budgets are shared now: shown in {@code /providers} and the readiness check's details. */
    Sharing sharing();

    /**
     * @param store      {@code none} or {@code jdbc}
     * @param reachable  whether the store answered last time; while not, each process keeps to its share
     * @param processes  the live processes of the group as last seen, this one included
     */
    record Sharing(String store, boolean reachable, int processes) {

        /** As the readiness check's details say it. */
        public String summary() {
            if (store.equals("none")) {
                return "none: this process's budgets are its own";
            }
            return reachable ? store + ": budgets shared by " + processes + " processes"
                    : store + " unreachable: this process keeps to its share, one of " + processes;
        }
    }

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

            @Override
            public KeyRates rates(String instance, List<ApiKey> keys, Integer rpm, Integer tpm) {
                return KeyBuckets.local(rpm, tpm);
            }

            @Override
            public SpendLedger ledger(String instance) {
                return SpendLedger.inProcess();
            }

            @Override
            public Sharing sharing() {
                return new Sharing("none", true, 1);
            }
        };
    }
}
