package dev.dragoman.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.keys.Secrets;

/**
 * The stream's commits, on the consumer thread. At least once: each partition's commit point and the records finished
 * above it ({@link PartitionProgress}), asynchronously, and synchronously for partitions taken away. Exactly once:
 * the outputs made from each partition's commit point on, up to the first record not made, with the offsets after
 * them, in one transaction ({@link OutputPublisher#transact}); their records are finished only once it commits.
 */
final class StreamCommits {

    private static final Logger LOG = LoggerFactory.getLogger(StreamCommits.class);

    private final Consumer<String, String> consumer;
    private final OutputPublisher publisher;
    private final StreamDeadLetters deadLetters;
    private final Map<TopicPartition, PartitionProgress> partitions;
    /** Exactly once: records whose outputs wait for the next transaction, by partition and offset. */
    private final Map<TopicPartition, Map<Long, StreamRecord>> made;

    /** @param partitions, made the stream's own maps, read (and {@code made} emptied) by the commits */
    StreamCommits(Consumer<String, String> consumer, OutputPublisher publisher, StreamDeadLetters deadLetters,
            Map<TopicPartition, PartitionProgress> partitions, Map<TopicPartition, Map<Long, StreamRecord>> made) {
        this.consumer = consumer;
        this.publisher = publisher;
        this.deadLetters = deadLetters;
        this.partitions = partitions;
        this.made = made;
    }

    /** Commits what is finished; returns how many records this finished (a transaction's). */
    int commit() {
        if (publisher.isTransactional()) {
            return transact();
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((partition, progress) -> {
            OffsetAndMetadata commit = progress.commit();
            if (commit != null) {
                offsets.put(partition, commit);
                progress.committed(commit);
            }
        });
        if (!offsets.isEmpty()) {
            consumer.commitAsync(offsets, (done, failure) -> {
                if (failure != null) {
                    LOG.warn("The Kafka stream's commit failed ({}); the next one carries it",
                            Secrets.redact(failure.getMessage()));
                    done.keySet().forEach(partition -> {
                        PartitionProgress progress = partitions.get(partition);
                        if (progress != null) {
                            progress.committed(null);
                        }
                    });
                }
            });
        }
        return 0;
    }

    /**
     * Commits the partitions before they go (taken away, or the stream stopping), waiting for the broker; returns how
     * many records this finished (a transaction's).
     */
    int commitSync(Collection<TopicPartition> going) {
        if (publisher.isTransactional()) {
            return transact();
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : going) {
            PartitionProgress progress = partitions.get(partition);
            OffsetAndMetadata commit = progress == null ? null : progress.commit();
            if (commit != null) {
                offsets.put(partition, commit);
            }
        }
        try {
            if (!offsets.isEmpty()) {
                consumer.commitSync(offsets);
            }
        } catch (KafkaException e) {
            LOG.warn("The Kafka stream could not commit {} ({}); their unfinished records are read again",
                    offsets.keySet(), Secrets.redact(e.getMessage()));
        }
        return 0;
    }

    private int transact() {
        List<ProducerRecord<String, String>> outputs = new ArrayList<>();
        List<StreamRecord> included = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        made.forEach((partition, ready) -> {
            PartitionProgress progress = partitions.get(partition);
            List<Long> prefix = progress.readyPrefix(ready::containsKey);
            if (!prefix.isEmpty()) {
                prefix.forEach(offset -> {
                    included.add(ready.get(offset));
                    outputs.add(ready.get(offset).output);
                });
                offsets.put(partition, new OffsetAndMetadata(progress.pointAfter(prefix.get(prefix.size() - 1))));
            }
        });
        if (offsets.isEmpty()) {
            return 0;
        }
        try {
            Map<ProducerRecord<String, String>, Exception> refused = publisher.transact(outputs, offsets,
                    consumer.groupMetadata());
            if (refused.isEmpty()) {
                for (StreamRecord record : included) {
                    made.get(record.partition).remove(record.offset());
                    record.progress.finished(record.offset());
                }
                return included.size();
            }
            // the next transaction carries the dead letters of the outputs refused for good instead
            for (StreamRecord record : included) {
                Exception failure = refused.get(record.output);
                if (failure != null && !publisher.isDeadLetter(record.output)) {
                    LOG.warn("{} to the dead-letter topic: the broker refused its output: {}", record,
                            failure.getMessage());
                    record.output = deadLetters.refused(record, failure);
                } else if (failure != null) {
                    LOG.warn("The broker refused the dead letter of {} ({}); it is sent again", record,
                            failure.getMessage());
                }
            }
        } catch (KafkaException e) {
            LOG.warn("The Kafka stream's transaction did not commit ({}); it is tried again",
                    Secrets.redact(e.getMessage()));
        }
        return 0;
    }
}
