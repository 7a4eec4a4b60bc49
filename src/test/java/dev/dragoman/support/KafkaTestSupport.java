package dev.dragoman.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.awaitility.Awaitility.await;

/**
 * Dragoman with its Kafka stream on, against the test broker and an OpenAI-format WireMock provider ({@code stub},
 * two keys), on topics of its own.
 */
public abstract class KafkaTestSupport extends DragomanTestSupport {

    @RegisterExtension
    static KafkaBroker broker = new KafkaBroker();

    @RegisterExtension
    protected static WireMockExtension provider = StubServers.create();

    protected static final int INPUT_PARTITIONS = 3;
    public static final String KEY_ONE = "sk-kafka-one-1111111111";
    public static final String KEY_TWO = "sk-kafka-two-2222222222";

    private KafkaTopics topics;

    /**
     * Made on first use, input topic included (before Dragoman's consumer would create it with one partition): Camel's
     * test support asks for the properties before JUnit fills in fields.
     */
    protected KafkaTopics topics() {
        if (topics == null) {
            topics = KafkaTopics.create(INPUT_PARTITIONS);
        }
        return topics;
    }

    @Override
    protected Properties properties() {
        Properties properties = new Properties();
        properties.putAll(stubProvider("stub", provider.baseUrl()));
        properties.putAll(topics().properties());
        return properties;
    }

    /**
     * The settings of one provider instance, the only one in use, at a WireMock stub; its name shows in each envelope,
     * so it tells which process translated a record. Two keys that tests can look for in what Dragoman writes.
     */
    public static Map<String, String> stubProvider(String name, String url) {
        return Map.of(
                "dragoman.providers", name,
                "dragoman.provider." + name + ".url", url,
                "dragoman.provider." + name + ".keys", KEY_ONE + "|" + KEY_TWO,
                "dragoman.provider." + name + ".model", "stub-model");
    }

    /** Waits until the topic holds at least this many records, and returns them all. */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, int count) {
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> KafkaBroker.readAll(topic), records -> records.size() >= count);
    }
}
