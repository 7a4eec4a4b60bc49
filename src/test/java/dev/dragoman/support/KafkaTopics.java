package dev.dragoman.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** The topics and group of one test, named afresh so that tests sharing the broker never see each other's records. */
public record KafkaTopics(String input, String output, String deadLetter, String group) {

    /** New names, with the input topic created on the test broker. */
    public static KafkaTopics create(int inputPartitions) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        KafkaTopics topics = new KafkaTopics("text-" + suffix, "translations-" + suffix, "failed-" + suffix,
                "dragoman-" + suffix);
        try {
            KafkaBroker.createTopic(topics.input(), inputPartitions);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create " + topics.input(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return topics;
    }

    /** The dragoman.kafka.* properties that point Dragoman at the test broker and these topics. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("dragoman.kafka.brokers", KafkaBroker.bootstrapServers());
        properties.put("dragoman.kafka.input", input);
        properties.put("dragoman.kafka.output", output);
        properties.put("dragoman.kafka.dead-letter", deadLetter);
        properties.put("dragoman.kafka.group", group);
        return properties;
    }
}
