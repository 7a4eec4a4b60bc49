package dev.dragoman.kafka;

import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.dragoman.provider.ConfigurationException;

/**
 * Which records of the stream keep their order among themselves ({@code dragoman.kafka.ordering}): their outputs are
 * published in input order, and a record that waits holds back only the records that share its ordering key.
 */
public enum Ordering {
    /** Records of one Kafka key; records without a key are each on their own, as Kafka relates them to nothing. */
    KEY,
    /** Records of one partition, as a plain Kafka consumer gives them. */
    PARTITION,
    /** None: each record is published as soon as it is done. */
    NONE;

    /** The ordering key of a record: records with equal keys are published in offset order. */
    Object keyOf(ConsumerRecord<String, String> record) {
        return switch (this) {
            case KEY -> record.key() == null ? record : new RecordKey(record.topic(), record.partition(), record.key());
            case PARTITION -> new RecordKey(record.topic(), record.partition(), null);
            case NONE -> record;
        };
    }

    /** A Kafka key lives in one partition, so the partition is part of it (it matters after a rebalance). */
    private record RecordKey(String topic, int partition, String key) {
    }

    public static Ordering of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("dragoman.kafka.ordering must be key, partition or none, not '" + name
                    + "'");
        }
    }
}
