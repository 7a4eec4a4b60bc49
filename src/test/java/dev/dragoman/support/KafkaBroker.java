package dev.dragoman.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import kafka.testkit.KafkaClusterTestKit;
import kafka.testkit.TestKitNodes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.ConsumerGroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.awaitility.Awaitility.await;

/**
 * A real single-node KRaft broker inside the test JVM, from Kafka's own test kit: no Docker, nothing for CI to
 * provide. Started once for the whole test run (the first class that registers it starts it; JUnit closes it at the
 * end), because starting a broker per test would not fit a 2-core CI. Tests keep apart by using fresh topics
 * ({@link KafkaTopics}).
 */
public final class KafkaBroker implements BeforeAllCallback, AutoCloseable {

    /** The largest record the tests' producer sends, for topics created to take large records. */
    public static final int LARGE_RECORDS = 4 * 1024 * 1024;

    private static KafkaClusterTestKit cluster;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        startOnce(context, this);
    }

    private static synchronized void startOnce(ExtensionContext context, KafkaBroker owner) throws Exception {
        if (cluster == null) {
            cluster = startCluster();
            // closed by JUnit once every test has run
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(KafkaBroker.class.getName(), owner);
        }
    }

    /** A started single-node KRaft cluster, for the tests and for the benchmark (bench/run), which closes its own. */
    public static KafkaClusterTestKit startCluster() throws Exception {
        KafkaClusterTestKit started = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                // one broker: the internal topics cannot have the default three replicas
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build();
        started.format();
        started.startup();
        started.waitForReadyBrokers();
        return started;
    }

    @Override
    public void close() throws Exception {
        synchronized (KafkaBroker.class) {
            if (cluster != null) {
                cluster.close();
                cluster = null;
            }
        }
    }

    public static String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public static void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
        createTopic(name, partitions, Map.of());
    }

    /** A topic with its own settings, e.g. {@code max.message.bytes}. */
    public static void createTopic(String name, int partitions, Map<String, String> configs)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get();
            // the controller has the topic; a send before the broker leads every partition can meet NOT_LEADER and
            // then, with an idempotent producer, out-of-order sequence errors until it times out
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(name)).allTopicNames()
                    .get().get(name).partitions().stream().allMatch(partition -> partition.leader() != null));
        }
    }

    /** Changes settings of an existing topic, e.g. {@code max.message.bytes}. */
    public static void configureTopic(String name, Map<String, String> configs)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            List<AlterConfigOp> changes = configs.entrySet().stream()
                    .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()),
                            AlterConfigOp.OpType.SET))
                    .toList();
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, name), changes)).all()
                    .get();
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        // tests send records larger than Dragoman may publish (on topics made to take them)
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(LARGE_RECORDS));
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /** Sends the records and waits until the broker has them all. */
    public static void send(Collection<ProducerRecord<String, String>> records) throws Exception {
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<?>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            for (Future<?> future : sent) {
                future.get();
            }
        }
    }

    /** Everything on the topic so far, read from the start of every partition, in partition order. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(topic, false);
    }

    /** Everything on the topic so far as a read_committed consumer sees it: no record of a transaction not committed. */
    public static List<ConsumerRecord<String, String>> readCommitted(String topic) {
        return readAll(topic, true);
    }

    private static List<ConsumerRecord<String, String>> readAll(String topic, boolean committedOnly) {
        Properties properties = new Properties();
        if (committedOnly) {
            properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        }
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** The group's committed offset per partition (the next record it would read). */
    public static Map<Integer, Long> committedOffsets(String group) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            Map<Integer, Long> offsets = new TreeMap<>();
            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .forEach((partition, offset) -> offsets.put(partition.partition(), offset.offset()));
            return offsets;
        }
    }

    /** The end offset per partition of the topic. */
    public static Map<Integer, Long> endOffsets(String topic) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<Integer, Long> offsets = new TreeMap<>();
            admin.listOffsets(latest).all().get()
                    .forEach((partition, info) -> offsets.put(partition.partition(), info.offset()));
            return offsets;
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** How many consumers are in the group now, once it is stable; 0 while it rebalances. */
    public static int stableMembers(String group) throws ExecutionException, InterruptedException {
        try (Admin admin = admin()) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.state() == ConsumerGroupState.STABLE ? description.members().size() : 0;
        }
    }
}
