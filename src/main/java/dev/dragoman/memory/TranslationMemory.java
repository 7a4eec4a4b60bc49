package dev.dragoman.memory;

import java.util.Optional;

/**
 * Translations already paid for, one text (segment) at a time: a caller looks each text up before it asks a provider,
 * and stores each translation the provider's reply yielded. Implementations are safe for concurrent use, and a
 * memory that cannot be reached behaves as one that remembers nothing rather than failing the translation.
 */
public interface TranslationMemory extends AutoCloseable {

    Optional<String> find(MemoryKey key);

    /** Remembers a translation; storing a key that is already there (from this process or another) changes nothing. */
    void store(MemoryKey key, String translation);

    @Override
    default void close() {
    }
}
