package dev.dragoman.kafka;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the stream is in an outage: no provider instance can translate. During one the stream starts nothing and
 * pauses its partitions, looking again after pauses that double from {@code retry-pause} up to {@code max-pause}, so a
 * long outage costs a look every few minutes, not a read every few seconds. One line says when it begins, one when it
 * is over. Used on the consumer thread only.
 */
final class OutageWatch {

    private static final Logger LOG = LoggerFactory.getLogger(OutageWatch.class);

    private final BooleanSupplier available;
    private final StreamSettings settings;
    /** Looks that found no provider, in a row. */
    private int looks;
    private long nextLook;

    OutageWatch(BooleanSupplier available, StreamSettings settings) {
        this.available = available;
        this.settings = settings;
    }

    /** True while an outage is on and its pause is not over: nothing to look at yet. */
    boolean pausing(long now) {
        return looks > 0 && now - nextLook < 0;
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
        nextLook = now + pause.toNanos();
        if (looks == 1) {
            LOG.warn("The Kafka stream pauses: no provider instance can translate now; it looks again in {} ms, then "
                    + "less and less often, up to every {} ms (dragoman.kafka.max-pause)", pause.toMillis(),
                    settings.maxPause().toMillis());
        }
        return true;
    }
}
