package dev.dragoman.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a Dragoman Kafka stream's output and dead-letter topics from their beginning, counting envelopes and dead
 * letters by record id (the {@code id} the phase gave each input record): what the chaos and soak phases count as
 * translated, dead or lost. {@link #received} lets a phase look at each one as it comes. One thread polls; the counts
 * may be read from any. A {@code read_committed} reader sees only what committed transactions published, as a
 * consumer of an exactly-once stream's outputs would.
 */
class KafkaOutputs implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String label;
    private final String deadTopic;
    private final KafkaConsumer<String, String> consumer;
    private final Set<String> translated = ConcurrentHashMap.newKeySet();
    private final Set<String> dead = ConcurrentHashMap.newKeySet();
    /** Envelopes read, duplicates included. */
    final AtomicLong envelopes = new AtomicLong();
    final AtomicLong deadLetters = new AtomicLong();

    /** @param label the phase, for the progress lines */
    KafkaOutputs(String brokers, ChaosPhase.Topics topics, String label) {
        this(brokers, topics, label, false);
    }

    /**
     * @param label         the phase, for the progress lines
     * @param readCommitted reads with {@code isolation.level=read_committed} instead of the default read_uncommitted
     */
    KafkaOutputs(String brokers, ChaosPhase.Topics topics, String label, boolean readCommitted) {
        this.label = label;
        this.deadTopic = topics.dead();
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        if (readCommitted) {
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(topics.output(), topics.dead())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(10))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Records with at least one envelope. */
    int distinct() {
        return translated.size();
    }

    /** Records with an envelope or a dead letter. */
    int accounted() {
        return translated.size() + (int) dead.stream().filter(id -> !translated.contains(id)).count();
    }

    void awaitAccounted(int count, long limitNanos) throws IOException {
        long lastProgress = System.nanoTime();
        while (accounted() < count && System.nanoTime() < limitNanos) {
            poll();
            if (System.nanoTime() - lastProgress > 10e9) {
                lastProgress = System.nanoTime();
                Bench.progress(label + ": " + distinct() + " translated, " + deadLetters + " dead letters");
            }
        }
    }

    void drain(Duration time) throws IOException {
        long until = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < until) {
            poll();
        }
    }

    /** One poll of up to 200 ms; from one thread only. */
    void poll() throws IOException {
        for (var record : consumer.poll(Duration.ofMillis(200))) {
            JsonNode value = JSON.readTree(record.value());
            boolean isDead = record.topic().equals(deadTopic);
            if (isDead) {
                deadLetters.incrementAndGet();
                dead.add(value.path("id").asText());
            } else {
                envelopes.incrementAndGet();
                translated.add(value.path("id").asText());
            }
            received(isDead, value);
        }
    }

    /** Each envelope or dead letter as it is read, on the polling thread; nothing by default. */
    protected void received(boolean isDead, JsonNode value) {
    }

    @Override
    public void close() {
        consumer.close();
    }
}
