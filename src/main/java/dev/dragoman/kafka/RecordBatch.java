package dev.dragoman.kafka;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.consumer.KafkaManualCommit;

/**
 * The records of one camel-kafka batch (a {@code List<Exchange>}, one per record, in poll order).
 * <p>
 * camel-kafka's own {@code BatchManualCommit} commits the last record's partition only; a batch may hold records of
 * several partitions, so {@link #commit} commits each partition's last record. It must run on the consumer thread
 * (Kafka's consumer is single-threaded): the route keeps every step before it synchronous.
 */
public final class RecordBatch {

    private RecordBatch() {
    }

    /** Each record as a message of its own (body and headers), for a split to hand to the translation. */
    public static List<Message> messages(List<Exchange> records) {
        return records.stream().map(record -> record.getMessage().copy()).toList();
    }

    /** Commits, partition by partition, the offset after the batch's last record. */
    public static void commit(List<Exchange> records) {
        Map<String, KafkaManualCommit> last = new LinkedHashMap<>();
        for (Exchange record : records) {
            Message message = record.getMessage();
            last.put(message.getHeader(KafkaConstants.TOPIC) + "-" + message.getHeader(KafkaConstants.PARTITION),
                    message.getHeader(KafkaConstants.MANUAL_COMMIT, KafkaManualCommit.class));
        }
        last.values().forEach(KafkaManualCommit::commit);
    }
}
