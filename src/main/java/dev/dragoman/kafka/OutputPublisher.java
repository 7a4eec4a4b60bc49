package dev.dragoman.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.component.kafka.KafkaHeaderFilterStrategy;
import org.apache.camel.component.kafka.serde.DefaultKafkaHeaderSerializer;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TransactionAbortedException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the stream's outputs (envelopes and dead letters, which name their topic in
 * {@code kafka.OVERRIDE_TOPIC}) with a producer of the stream's own: idempotent, acknowledged by every replica
 * ({@code acks=all}), so the producer's own retries (within {@code delivery.timeout.ms}) never write an output twice
 * and keep the order of a partition's outputs. Headers go out as camel-kafka would send them.
 * <p>
 * With exactly-once on, the producer is transactional: a commit publishes the outputs and the consumer's offsets in one
 * Kafka transaction ({@code sendOffsetsToTransaction}, https://kafka.apache.org/39/javadoc/org/apache/kafka/clients/producer/KafkaProducer.html#sendOffsetsToTransaction(java.util.Map,org.apache.kafka.clients.consumer.ConsumerGroupMetadata)),
 * which camel-kafka's {@code transacted} option does not do for consumed offsets.
 */
final class OutputPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutputPublisher.class);

    private final Supplier<Producer<String, String>> producers;
    private final boolean transactional;
    private final String outputTopic;
    private final HeaderFilterStrategy headers = new KafkaHeaderFilterStrategy();
    private final DefaultKafkaHeaderSerializer serializer = new DefaultKafkaHeaderSerializer();
    private Producer<String, String> producer;

    /** @param producers makes the producer (again, after a transactional one was fenced or failed for good) */
    OutputPublisher(Supplier<Producer<String, String>> producers, boolean transactional, String outputTopic) {
        this.producers = producers;
        this.transactional = transactional;
        this.outputTopic = outputTopic;
        this.producer = open();
    }

    /** The record that publishes a route's output, under the input record's key. */
    ProducerRecord<String, String> output(String key, Message message) {
        String topic = message.getHeader(KafkaConstants.OVERRIDE_TOPIC, outputTopic, String.class);
        ProducerRecord<String, String> output = new ProducerRecord<>(topic, null, key,
                message.getBody(String.class));
        message.getHeaders().forEach((name, value) -> {
            if (value != null && !headers.applyFilterToCamelHeaders(name, value, message.getExchange())) {
                output.headers().add(new RecordHeader(name, value instanceof String text
                        ? text.getBytes(StandardCharsets.UTF_8) : serializer.serialize(name, value)));
            }
        });
        return output;
    }

    boolean isTransactional() {
        return transactional;
    }

    boolean isDeadLetter(ProducerRecord<String, String> output) {
        return !output.topic().equals(outputTopic);
    }

    /** Sends one output; {@code done} hears the broker's verdict on the producer's thread. */
    void send(ProducerRecord<String, String> output, Callback done) {
        producer.send(output, done);
    }

    /**
     * Publishes outputs and commits offsets in one transaction. An output the broker refuses aborts it; those refused
     * for good (not a failure that may pass, such as a timeout) are returned, so that their records can be
     * dead-lettered before the next try.
     *
     * @throws KafkaException when the transaction did not commit; nothing of it is visible to read_committed consumers
     */
    Map<ProducerRecord<String, String>, Exception> transact(List<ProducerRecord<String, String>> outputs,
            Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try {
            producer.beginTransaction();
            outputs.forEach(output -> sends.add(producer.send(output)));
            producer.sendOffsetsToTransaction(offsets, group);
            producer.commitTransaction();
            return Map.of();
        } catch (KafkaException failed) {
            abort(failed);
            Map<ProducerRecord<String, String>, Exception> refused = new LinkedHashMap<>();
            for (int i = 0; i < sends.size(); i++) {
                Exception cause = failure(sends.get(i));
                if (cause != null && !(cause instanceof RetriableException)
                        && !(cause instanceof TransactionAbortedException)) {
                    refused.put(outputs.get(i), cause);
                }
            }
            if (refused.isEmpty()) {
                throw failed;
            }
            return refused;
        }
    }

    /** True when the broker refused an output for good; false when a later try may pass (a timeout, a leader move). */
    static boolean refusedForGood(Exception failure) {
        return !(failure instanceof RetriableException);
    }

    @Override
    public void close() {
        producer.close();
    }

    private Producer<String, String> open() {
        Producer<String, String> opened = producers.get();
        if (transactional) {
            opened.initTransactions();
        }
        return opened;
    }

    /** Aborts a failed transaction; a producer that cannot go on (fenced, or in a fatal state) is made again. */
    private void abort(KafkaException failed) {
        try {
            producer.abortTransaction();
        } catch (KafkaException fatal) {
            LOG.warn("The Kafka stream's transactional producer cannot go on ({}); making a new one",
                    failed.getMessage());
            producer.close();
            producer = open();
        }
    }

    private static Exception failure(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return null;
        }
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause() instanceof Exception cause ? cause : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }
}
