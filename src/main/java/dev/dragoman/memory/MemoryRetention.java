package dev.dragoman.memory;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the translation memory within {@code dragoman.memory.max-age} and {@code dragoman.memory.max-rows}: a
 * cleanup that runs at start-up and then every {@link #INTERVAL} in the background, deleting rows stored longer ago
 * than the age, then the oldest beyond the count. What it did shows in {@code GET /usage} ({@link #view()}).
 */
public final class MemoryRetention implements Runnable {

    /** How often the cleanup runs after the first: rows outlive their age by at most this much. */
    public static final Duration INTERVAL = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(MemoryRetention.class);

    private final TranslationMemory memory;
    private final Duration maxAge;
    private final Long maxRows;
    private final Clock clock;
    private final AtomicLong forgotten = new AtomicLong();
    private volatile long rows = -1;
    private volatile Instant lastRun;

    /**
     * @param maxAge  how long a row is kept after it was stored, or null
     * @param maxRows the most rows kept, or null
     */
    public MemoryRetention(TranslationMemory memory, Duration maxAge, Long maxRows, Clock clock) {
        this.memory = memory;
        this.maxAge = maxAge;
        this.maxRows = maxRows;
        this.clock = clock;
    }

    /** Whether there is anything to keep the memory within. */
    public boolean limited() {
        return memory.remembers() && (maxAge != null || maxRows != null);
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        try {
            long gone = memory.forget(maxAge == null ? null : now.minus(maxAge), maxRows);
            forgotten.addAndGet(gone);
            rows = memory.rows();
            lastRun = now;
            if (gone > 0) {
                LOG.info("Translation memory: {} rows older than dragoman.memory.max-age or beyond max-rows deleted,"
                        + " {} kept", gone, rows);
            }
        } catch (SQLException | RuntimeException e) {
            // the next run tries again; the memory goes on meanwhile
            LOG.warn("Translation memory cleanup failed, tried again in {}: {}", INTERVAL, e.getMessage());
        }
    }

    /** For {@code GET /usage}: the rows kept at the last run, the rows deleted since start, and when it ran. */
    public View view() {
        return new View(rows < 0 ? null : rows, forgotten.get(), lastRun == null ? null : lastRun.toString(),
                maxAge == null ? null : maxAge.toString(), maxRows);
    }

    /** What the cleanup did, as {@code GET /usage} shows it under {@code memory}. */
    public record View(Long rows, long forgotten, String lastCleanup, String maxAge, Long maxRows) {
    }
}
