package dev.dragoman.memory;

import java.time.Instant;
import java.util.List;
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

    @Override
    public Optional<String> findImported(String sourceLang, String targetLang, String text) {
        return Optional.empty();
    }

    @Override
    public void storeImported(List<ImportedUnit> units) {
    }

    @Override
    public MemoryRows rows(String sourceLang, String targetLang) {
        return MemoryRows.NONE;
    }

    @Override
    public boolean remembers() {
        return false;
    }

    @Override
    public long forget(Instant before, Long maxRows) {
        return 0;
    }

    @Override
    public long rows() {
        return 0;
    }
}
