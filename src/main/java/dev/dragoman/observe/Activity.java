package dev.dragoman.observe;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many texts each source finished in each of the last {@value #MINUTES} minutes, for {@code GET /usage}'s
 * {@code activity}. A ring of per-minute slots: a slot left from an earlier round of the ring is replaced by a fresh
 * one (compare-and-set, no lock) when its minute comes again.
 */
final class Activity {

    static final int MINUTES = 15;
    private static final long MINUTE_MILLIS = 60_000;

    private final Clock clock;
    // one more slot than is shown: the oldest minute shown is never the one being replaced
    private final AtomicReferenceArray<Minute> slots = new AtomicReferenceArray<>(MINUTES + 1);

    Activity(Clock clock) {
        this.clock = clock;
    }

    void count(Source source) {
        long minute = clock.millis() / MINUTE_MILLIS;
        int index = (int) (minute % slots.length());
        Minute slot = slots.get(index);
        if (slot == null || slot.minute != minute) {
            Minute fresh = new Minute(minute);
            slot = slots.compareAndSet(index, slot, fresh) ? fresh : slots.get(index);
        }
        slot.counts[source.ordinal()].increment();
    }

    /** The last {@value #MINUTES} minutes, oldest first, this one last; minutes with nothing as zeros. */
    List<Counts> lastMinutes() {
        long now = clock.millis() / MINUTE_MILLIS;
        List<Counts> minutes = new ArrayList<>(MINUTES);
        for (long minute = now - MINUTES + 1; minute <= now; minute++) {
            Minute slot = slots.get((int) (minute % slots.length()));
            long[] counts = new long[Source.values().length];
            if (slot != null && slot.minute == minute) {
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = slot.counts[i].sum();
                }
            }
            minutes.add(new Counts(Instant.ofEpochMilli(minute * MINUTE_MILLIS), counts));
        }
        return minutes;
    }

    /** @param bySource by {@link Source} ordinal */
    record Counts(Instant minute, long[] bySource) {
    }

    private static final class Minute {

        private final long minute;
        private final LongAdder[] counts = new LongAdder[Source.values().length];

        Minute(long minute) {
            this.minute = minute;
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }
    }
}
