package dev.dragoman.memory;

import java.util.Optional;

/** The memory of {@code dragoman.memory.enabled = false}: every text goes to a provider. */
public final class NoMemory implements TranslationMemory {

    @Override
    public Optional<String> find(MemoryKey key) {
        return Optional.empty();
    }

    @Override
    public void store(MemoryKey key, String translation) {
    }
}
