package dev.dragoman.kafka;

import java.time.Duration;

import dev.dragoman.config.PropertySource;

/**
 * The Kafka stream's settings ({@code dragoman.kafka.*}, documented in application.properties).
 *
 * @param groupInstanceId this process's static member name in the group, or null for a dynamic member
 * @param leaveGroupOnStop whether a static member takes itself out of the group when it stops
 * @param maxPollRecords records one poll hands over at most
 * @param pollWait       how long a poll waits for records when nothing is in flight
 * @param maxInFlight    records being translated at once
 * @param maxAttempts    tries of a record whose failures look transient while providers are up, before it is a dead
 *                       letter
 * @param commitInterval how often finished records are committed
 * @param retryPause     the first wait before a record is tried again, and before the stream looks again for a
 *                       provider during an outage; doubles after each wait
 * @param maxPause       the longest of those waits
 * @param exactlyOnce    outputs, dead letters and offsets in Kafka transactions
 */
public record StreamSettings(
        String input,
        String output,
        String deadLetter,
        String group,
        String groupInstanceId,
        boolean leaveGroupOnStop,
        int maxPollRecords,
        Duration pollWait,
        int sessionTimeout,
        int maxRecordSize,
        int maxInFlight,
        Ordering ordering,
        int maxAttempts,
        Duration commitInterval,
        Duration retryPause,
        Duration maxPause,
        boolean exactlyOnce) {

    /**
     * @param derivedInFlight the records in flight when {@code dragoman.kafka.max-in-flight} is empty: enough to keep
     *                        every key of the busiest instance busy with full batches
     */
    public static StreamSettings read(PropertySource source, int derivedInFlight) {
        return new StreamSettings(
                source.required("dragoman.kafka.input"),
                source.required("dragoman.kafka.output"),
                source.required("dragoman.kafka.dead-letter"),
                source.required("dragoman.kafka.group"),
                source.text("dragoman.kafka.group-instance-id").orElse(null),
                source.requiredFlag("dragoman.kafka.leave-group-on-stop"),
                source.requiredInteger("dragoman.kafka.max-poll-records"),
                source.requiredDuration("dragoman.kafka.batch-wait"),
                source.requiredInteger("dragoman.kafka.session-timeout"),
                source.requiredInteger("dragoman.kafka.max-record-size"),
                source.positiveOr("dragoman.kafka.max-in-flight", derivedInFlight),
                Ordering.of(source.required("dragoman.kafka.ordering")),
                Math.max(1, source.requiredInteger("dragoman.kafka.max-attempts")),
                source.requiredDuration("dragoman.kafka.commit-interval"),
                source.requiredDuration("dragoman.kafka.retry-pause"),
                source.requiredDuration("dragoman.kafka.max-pause"),
                source.requiredFlag("dragoman.kafka.exactly-once"));
    }

    /** How many records the stream holds at most (read and not yet finished) before it pauses its partitions. */
    int maxHeld() {
        return maxInFlight + maxPollRecords;
    }

    /** The wait before the try after {@code waits} waits: the retry pause, doubled each time, at most the max pause. */
    Duration pause(int waits) {
        Duration pause = retryPause.multipliedBy(1L << Math.min(Math.max(waits - 1, 0), 20));
        return pause.compareTo(maxPause) > 0 ? maxPause : pause;
    }
}
