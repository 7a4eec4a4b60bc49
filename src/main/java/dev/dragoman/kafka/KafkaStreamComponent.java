package dev.dragoman.kafka;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaComponent;
import org.apache.camel.support.DefaultComponent;

import dev.dragoman.config.Providers;

/**
 * The {@code dragoman-kafka} component: routes/kafka-stream.yaml reads its records from
 * {@code dragoman-kafka:<input topic>} ({@link KafkaStreamConsumer}), each record an exchange of its own that the
 * route turns into an envelope or a dead letter, which the stream publishes. Its settings are Dragoman's
 * ({@code dragoman.kafka.*}) and the kafka component's client options.
 */
public final class KafkaStreamComponent extends DefaultComponent {

    private final StreamSettings settings;
    private final String brokers;
    private final Providers providers;
    private final RecordTranslations translations;
    private final RecordLimit limit;
    private final StreamHealthCheck health;

    public KafkaStreamComponent(StreamSettings settings, String brokers, Providers providers,
            RecordTranslations translations, RecordLimit limit, StreamHealthCheck health) {
        this.settings = settings;
        this.brokers = brokers;
        this.providers = providers;
        this.translations = translations;
        this.limit = limit;
        this.health = health;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return new KafkaStreamEndpoint(uri, this, remaining);
    }

    KafkaStreamConsumer consumer(KafkaStreamEndpoint endpoint, Processor processor, String topic) {
        KafkaComponent kafka = getCamelContext().getComponent("kafka", KafkaComponent.class);
        return new KafkaStreamConsumer(endpoint, processor, topic, settings,
                new StreamClients(kafka.getConfiguration(), brokers, settings), translations, limit,
                new OutageWatch(providers::available, providers::timeUntilAvailable, settings), providers.contextSize() > 0, health);
    }
}
