package dev.dragoman.kafka;

import java.util.HashMap;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

import dev.dragoman.translate.ExchangeKeys;

/**
 * The outputs (envelopes and dead letters) of the records of batches that could not be finished, by
 * topic-partition-offset, so a batch read again after a pause neither pays for a translation twice nor publishes an
 * output twice within one process. Entries go once their record is committed; the bound (characters of outputs)
 * only matters while records wait, and an entry that falls out costs one more translation, nothing else.
 */
public final class RecordOutputs {

    private static final long MAX_CHARACTERS = 32L * 1024 * 1024;

    private record Output(String body, Map<String, Object> headers, boolean published) {
    }

    private final Cache<String, Output> outputs = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARACTERS)
            .<String, Output>weigher((record, output) -> output.body().length())
            .build();

    /**
     * Gives a record met before its output back (body and the headers that go with it) and sets
     * {@value ExchangeKeys#KAFKA_RECALLED}.
     */
    public void recall(Exchange exchange) {
        Message message = exchange.getMessage();
        Output output = outputs.getIfPresent(RecordBatch.position(message));
        if (output != null) {
            message.setBody(output.body());
            message.getHeaders().putAll(output.headers());
            exchange.setVariable(ExchangeKeys.KAFKA_RECALLED, true);
        }
    }

    /** Keeps the output of a record until it is committed. */
    void remember(Message record, Message output) {
        outputs.asMap().putIfAbsent(RecordBatch.position(record),
                new Output(output.getBody(String.class), ownHeaders(output), false));
    }

    /** Notes that the broker acknowledged the output of this record. */
    void published(Message record, Message output) {
        outputs.put(RecordBatch.position(record), new Output(output.getBody(String.class), ownHeaders(output), true));
    }

    boolean isPublished(Message record) {
        Output output = outputs.getIfPresent(RecordBatch.position(record));
        return output != null && output.published();
    }

    void forget(Message record) {
        outputs.invalidate(RecordBatch.position(record));
    }

    /** The headers an output gets on its way (Dragoman* facts, the dead-letter topic), not those of its record. */
    private static Map<String, Object> ownHeaders(Message output) {
        Map<String, Object> headers = new HashMap<>();
        output.getHeaders().forEach((name, value) -> {
            if (name.startsWith("Dragoman") || name.equals(KafkaConstants.OVERRIDE_TOPIC)) {
                headers.put(name, value);
            }
        });
        return headers;
    }
}
