package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/** One record of the stream on its way from being read to being finished (published or dead-lettered). */
final class StreamRecord {

    enum State {
        /** Read, not yet handed to a translation. */
        WAITING,
        TRANSLATING,
        /** Its last try failed in a way that may pass, or the broker refused its output: it is tried again later. */
        RESTING,
        /** Its output (envelope or dead letter) is made, not yet published. */
        MADE,
        PUBLISHING
    }

    final ConsumerRecord<String, String> record;
    final TopicPartition partition;
    final Object orderKey;
    /** The partition's progress when the record was read: a record whose partition was revoked since is dropped. */
    final PartitionProgress progress;
    State state = State.WAITING;
    /** Tries that failed while providers were up. */
    int attempts;
    /** Rests that were not the record's fault (an outage, a broker that did not answer), for their backoff. */
    int waits;
    /** Why its last tries failed, for the dead letter. */
    final List<String> reasons = new ArrayList<>();
    /** When its first try started, and when a resting record may go again, in {@link System#nanoTime()}. */
    long firstTriedAt;
    long restUntil;
    ProducerRecord<String, String> output;

    StreamRecord(ConsumerRecord<String, String> record, Object orderKey, PartitionProgress progress) {
        this.record = record;
        this.partition = new TopicPartition(record.topic(), record.partition());
        this.orderKey = orderKey;
        this.progress = progress;
    }

    /** Notes why a try failed, keeping the last {@code keep} reasons. */
    void failed(String reason, int keep) {
        reasons.add(reason);
        if (reasons.size() > keep) {
            reasons.remove(0);
        }
    }

    long offset() {
        return record.offset();
    }

    /** Topic-partition-offset, as logs and dead letters name a record. */
    @Override
    public String toString() {
        return record.topic() + "-" + record.partition() + "-" + record.offset();
    }
}
