package dev.dragoman.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.DefaultKafkaManualCommit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The records of one camel-kafka batch (a {@code List<Exchange>}, one per record, in poll order).
 * <p>
 * {@link #finish} commits and rewinds through the batch's Kafka consumer, which is single-threaded: it must run on the
 * consumer thread, so the route keeps every step before it synchronous.
 */
public final class RecordBatch {

    private RecordBatch() {
    }

    /** Each record as a message of its own (body and headers), for a split to make each record's output. */
    public static List<Message> messages(List<Exchange> records) {
        return records.stream().map(record -> record.getMessage().copy()).toList();
    }

    static TopicPartition partition(Message record) {
        return new TopicPartition(record.getHeader(KafkaConstants.TOPIC, String.class),
                record.getHeader(KafkaConstants.PARTITION, Integer.class));
    }

    static long offset(Message record) {
        return record.getHeader(KafkaConstants.OFFSET, Long.class);
    }

    /** The record's topic-partition-offset, which tells it from any other. */
    static String position(Message record) {
        return record.getHeader(KafkaConstants.TOPIC) + "-" + record.getHeader(KafkaConstants.PARTITION) + "-"
                + record.getHeader(KafkaConstants.OFFSET);
    }

    /**
     * Commits, partition by partition, the offset of the first record that waits, or the one after the batch's last
     * record when none does; a partition with records that wait is also rewound there, so they are read again.
     * Committing even when nothing in a partition is done gives the partition a committed offset to resume from.
     *
     * @param waiting the offset of the first record that waits, by partition
     */
    static void finish(List<Exchange> records, Map<TopicPartition, Long> waiting) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new LinkedHashMap<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            TopicPartition partition = partition(message);
            long next = waiting.getOrDefault(partition, offset(message) + 1);
            offsets.put(partition, new OffsetAndMetadata(next));
        }
        Consumer<?, ?> consumer = consumer(records);
        consumer.commitSync(offsets);
        waiting.forEach(consumer::seek);
    }

    /** The offset of the first record of each partition of the batch. */
    static Map<TopicPartition, Long> firstOffsets(List<Exchange> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        records.forEach(record -> first.putIfAbsent(partition(record.getMessage()), offset(record.getMessage())));
        return first;
    }

    /** The batch's consumer, which camel-kafka hands out with each record's manual commit. */
    private static Consumer<?, ?> consumer(List<Exchange> records) {
        return records.get(0).getMessage()
                .getHeader(KafkaConstants.MANUAL_COMMIT, DefaultKafkaManualCommit.class).getConsumer();
    }
}
