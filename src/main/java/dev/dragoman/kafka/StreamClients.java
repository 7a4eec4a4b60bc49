package dev.dragoman.kafka;

import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.camel.component.kafka.KafkaConfiguration;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dragoman.keys.Secrets;

/**
 * The stream's Kafka clients, configured as camel-kafka configures its own: from the {@code kafka} component's
 * configuration ({@code camel.component.kafka.*}: TLS, SASL and any other client option apply to the stream too), with
 * the stream's settings on top.
 */
final class StreamClients {

    private static final Logger LOG = LoggerFactory.getLogger(StreamClients.class);
    private static final String TRANSACTION_TIMEOUT_MS = "10000";
    /** How long a stopping process waits for the coordinator to take it out of the group. */
    private static final long LEAVE_WAIT_SECONDS = 10;

    private final KafkaConfiguration configuration;
    private final String group;
    private final String groupInstanceId;

    /** @param component the kafka component's configuration, copied */
    StreamClients(KafkaConfiguration component, String brokers, StreamSettings settings) {
        configuration = component.copy();
        configuration.setBrokers(brokers);
        configuration.setGroupId(settings.group());
        // a new group starts at the beginning of the topic: records sent before the first start are not skipped
        configuration.setAutoOffsetReset("earliest");
        configuration.setMaxPollRecords(settings.maxPollRecords());
        configuration.setSessionTimeoutMs(settings.sessionTimeout());
        configuration.setAutoCommitEnable(false);
        // outputs acknowledged by every replica, never written twice by the producer's own retries
        configuration.setRequestRequiredAcks("all");
        configuration.setEnableIdempotence(true);
        configuration.setMaxRequestSize(settings.maxRecordSize());
        if (settings.exactlyOnce()) {
            // records of aborted transactions upstream are never translated
            configuration.setIsolationLevel("read_committed");
        }
        group = settings.group();
        groupInstanceId = settings.groupInstanceId();
    }

    Consumer<String, String> consumer() {
        Properties properties = withBrokers(configuration.createConsumerProperties());
        if (groupInstanceId != null) {
            // a static member (KIP-345): restarted under the same name, it takes its partitions back at once
            properties.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId);
        }
        return new KafkaConsumer<>(properties);
    }

    /**
     * A publisher on a producer of its own; a transactional one has a transactional id of its own (the consumer
     * group's metadata, sent with the offsets, fences a zombie since Kafka 2.5, KIP-447).
     */
    OutputPublisher publisher(boolean transactional, String outputTopic) {
        return new OutputPublisher(() -> {
            Properties properties = withBrokers(configuration.createProducerProperties());
            if (transactional) {
                properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-" + UUID.randomUUID());
                // a process killed mid-transaction holds read_committed readers, and the offsets of its partitions'
                // next owner, until the coordinator aborts its transaction: after this long, not the 60 s default
                // (a transaction lasts one commit interval); camel.component.kafka.additional-properties may say otherwise
                properties.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, TRANSACTION_TIMEOUT_MS);
            }
            return new KafkaProducer<>(properties);
        }, transactional, outputTopic);
    }

    /**
     * Takes this process, a static member, out of its group once its consumer is closed: Kafka 3.9's consumer does not
     * leave the group on close when it has a {@code group.instance.id}, so its partitions would wait for it until its
     * session ended. Asks the group's coordinator to remove the member by its name (KIP-345,
     * https://kafka.apache.org/39/javadoc/org/apache/kafka/clients/admin/Admin.html#removeMembersFromConsumerGroup);
     * the other members then take its partitions at once. A broker that cannot be reached costs the stop
     * {@value #LEAVE_WAIT_SECONDS} s and one WARN, and the partitions wait for the session as before.
     */
    void leaveGroup() {
        Properties properties = withBrokers(configuration.createConsumerProperties());
        // the connection's settings (TLS, SASL) as the consumer has them; the consumer's own would each log a WARN
        properties.keySet().retainAll(AdminClientConfig.configNames());
        try (Admin admin = Admin.create(properties)) {
            admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions(
                    List.of(new MemberToRemove(groupInstanceId)))).all().get(LEAVE_WAIT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Left consumer group {} as {}: its partitions go to the other members now", group,
                    groupInstanceId);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Could not leave consumer group {} as {} ({}): its partitions go to the others once its session"
                    + " ends", group, groupInstanceId, Secrets.redact(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** camel-kafka sets the bootstrap servers and group apart from the properties it makes; so does the stream. */
    private Properties withBrokers(Properties properties) {
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, configuration.getBrokers());
        properties.put(CommonClientConfigs.GROUP_ID_CONFIG, group);
        return properties;
    }
}
