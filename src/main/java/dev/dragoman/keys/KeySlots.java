package dev.dragoman.keys;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The call slots of one instance's keys, {@code concurrency} per key, when several Dragoman processes draw from them
 * ({@code dragoman.cluster.store}): a call holds a slot of its key while it is out. A process alone needs none: its
 * lanes' own limits keep a key within its {@code concurrency} ({@link #inProcess()}).
 */
public interface KeySlots {

    /** A slot held for one call. */
    interface Slot {
        /** Frees the slot for the next call of any process. */
        void release();
    }

    /**
     * Takes a free slot of the key now; empty when the group holds them all. A call that must wait asks again later
     * (the key lane does, without holding a thread).
     */
    Optional<Slot> take(ApiKey key);

    /** How many of the key's slots the group holds now; empty for a process alone, whose lanes count their own. */
    default OptionalInt held(ApiKey key) {
        return OptionalInt.empty();
    }

    /**
     * Asks to be told once, by {@code wake} run on the store's own thread (it must only hand the work on), when a call
     * of any process gives a slot of the key back. Empty when the store cannot tell (a process alone, or a store that
     * cannot listen now): the caller asks again on a timer. Otherwise, how to withdraw the ask.
     */
    default Optional<Runnable> whenFreed(ApiKey key, Runnable wake) {
        return Optional.empty();
    }

    /** No slots beyond the process's own limits. */
    static KeySlots inProcess() {
        Optional<Slot> none = Optional.of(() -> { });
        return key -> none;
    }
}
