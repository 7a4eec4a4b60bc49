package dev.dragoman.translate;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the batches whose reply did not align with their segments (another number of translations, an empty one,
 * no JSON array) and were therefore split in halves and sent again; bound as {@code batchRepairs}.
 */
public final class BatchRepairs {

    private final AtomicLong count = new AtomicLong();

    public void repaired() {
        count.incrementAndGet();
    }

    public long count() {
        return count.get();
    }
}
