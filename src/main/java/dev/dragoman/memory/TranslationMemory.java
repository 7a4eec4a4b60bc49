package dev.dragoman.memory;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Translations already paid for, one text (segment) at a time: a caller looks each text up before it asks a provider,
 * and stores each translation the provider's reply yielded. Implementations are safe for concurrent use, and a
 * memory that cannot be reached behaves as one that remembers nothing rather than failing the translation.
 * <p>
 * Besides, the memory holds units imported from TMX files ({@link TmxImport}), which belong to no model: any instance
 * finds them by the languages and the text alone ({@link #findImported}), and it exports what it holds for a pair of
 * languages ({@link #rows}, {@link TmxExport}).
 */
public interface TranslationMemory extends AutoCloseable {

    Optional<String> find(MemoryKey key);

    /** Remembers a translation; storing a key that is already there (from this process or another) changes nothing. */
    void store(MemoryKey key, String translation);

    /**
     * The imported translation of {@code text} into {@code targetLang}, from {@code sourceLang} ({@code auto}: from
     * whichever language), languages matched by name or tag ({@code German} finds a unit of {@code de-DE}).
     */
    Optional<String> findImported(String sourceLang, String targetLang, String text);

    /**
     * Stores imported units in one go; a unit whose text and target language were imported before replaces the
     * earlier one, so a TMX file imported again after an edit brings in its new translations.
     */
    void storeImported(List<ImportedUnit> units) throws SQLException;

    /** Every row for a language pair, as stored ({@code English}, {@code de}: no name is mapped). */
    MemoryRows rows(String sourceLang, String targetLang) throws SQLException;

    /** False for a memory that keeps nothing ({@code dragoman.memory.enabled = false}). */
    boolean remembers();

    /**
     * Deletes the rows stored before {@code before} (null: none for their age), then the oldest rows beyond
     * {@code maxRows} (null: no cap); says how many went.
     */
    long forget(Instant before, Long maxRows) throws SQLException;

    /** The rows the memory holds. */
    long rows() throws SQLException;

    @Override
    default void close() {
    }
}
