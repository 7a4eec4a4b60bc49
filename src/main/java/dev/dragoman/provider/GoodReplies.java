package dev.dragoman.provider;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When an instance last gave a good translation. A text whose replies keep coming back bad (empty, cut off, failing a
 * check) while the same instance translates other texts well is the text's own problem, not an outage: it fails for
 * good instead of waiting for the instance to recover, which it never would for that text.
 */
public final class GoodReplies {

    private final AtomicReference<Instant> last = new AtomicReference<>(Instant.MIN);

    /** The instance has just given a translation that passed every check. */
    public void translated() {
        last.set(Instant.now());
    }

    /** Whether the instance gave a good translation at or after {@code moment}. */
    public boolean since(Instant moment) {
        return !last.get().isBefore(moment);
    }
}
