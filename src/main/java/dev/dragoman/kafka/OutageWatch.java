package dev.dragoman.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the stream is in an outage: a record's try failed and no provider instance can translate (or nothing got
 * through since the record was first tried). During one the stream starts nothing and pauses its partitions, looking
 * again when the providers say one could translate (a key's rest over, a breaker half open), but after pauses that
 * double from {@code retry-pause} up to {@code max-pause} at the latest, so a long outage costs a look every minute, not
 * a read every few seconds. Keys that merely rest for a moment do not stop the stream: a text waits for them inside its
 * translation. One line says when an outage begins, one when it is over. Used on the consumer thread only.
 */
final class OutageWatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutageWatch.class);

    /** The shortest wait before a look, however soon the providers say they could translate. */
    private static final Duration MIN_LOOK = Duration.ofMillis(100);

    private final BooleanSupplier available;
    private final Supplier<Duration> untilAvailable;
    private final StreamSettings settings;
    /** Looks that found no provider, in a row. */
    private int looks;
    private long nextLook;

    OutageWatch(BooleanSupplier available, Supplier<Duration> untilAvailable, StreamSettings settings) {
        this.available = available;
        this.untilAvailable = untilAvailable;
        this.settings = settings;
    }

    /** True while an outage is on and its pause is not over: nothing to look at yet. */
    boolean pausing(long now) {
        return looks > 0 && now - nextLook < 0;
    }

    /** True while an outage holds the stream: pausing, or, once the pause is over, still no provider can translate. */
    boolean holds(long now) {
        return looks > 0 && check(now);
    }

    /** Looks (unless pausing) whether a provider can translate; true when an outage is on, just begun or going on. */
    boolean check(long now) {
        if (pausing(now)) {
            return true;
        }
        if (available.getAsBoolean()) {
            if (looks > 0) {
                LOG.info("The Kafka stream goes on: a provider instance can translate again");
                looks = 0;
            }
            return false;
        }
        Duration pause = settings.pause(++looks);
        Duration soon = untilAvailable.get();
        if (soon.compareTo(pause) < 0) {
            pause = soon.compareTo(MIN_LOOK) < 0 ? MIN_LOOK : soon;
        }
        nextLook = now + pause.toNanos();
        if (looks == 1) {
            LOG.warn("The Kafka stream pauses: nothing gets through to a provider now; it looks again in {} ms, then "
                    + "when a provider could translate, at least every {} ms (dragoman.kafka.max-pause)",
                    pause.toMillis(), settings.maxPause().toMillis());
        }
        return true;
    }
}
