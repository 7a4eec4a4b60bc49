package dev.dragoman.kafka;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;

/** {@code dragoman-kafka:<topic>}: the Kafka stream of one input topic, as a route's consumer. */
final class KafkaStreamEndpoint extends DefaultEndpoint {

    private final String topic;

    KafkaStreamEndpoint(String uri, KafkaStreamComponent component, String topic) {
        super(uri, component);
        this.topic = topic;
    }

    @Override
    public KafkaStreamComponent getComponent() {
        return (KafkaStreamComponent) super.getComponent();
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = getComponent().consumer(this, processor, topic);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("dragoman-kafka: is a consumer; publish with the kafka component");
    }
}
