package dev.dragoman.kafka;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.TranslationFailedException;
import dev.dragoman.translate.TranslationHeaders;

/**
 * The dead letters the stream makes itself (the route makes those of records that fail for good): of a record that
 * ran out of tries, and of a record whose output the broker refused for good.
 */
final class StreamDeadLetters {

    private final CamelContext context;
    private final OutputPublisher publisher;
    private final RecordLimit limit;
    private final String topic;

    StreamDeadLetters(CamelContext context, OutputPublisher publisher, RecordLimit limit, String topic) {
        this.context = context;
        this.publisher = publisher;
        this.limit = limit;
        this.topic = topic;
    }

    /** The dead letter of a record whose last try, on this exchange, was its last, with the reason of every try. */
    ProducerRecord<String, String> exhausted(StreamRecord record, Exchange exchange) {
        return letter(record, exchange.getMessage().getHeader(TranslationHeaders.ID, String.class),
                exchange.getVariable(ExchangeKeys.KAFKA_TEXT, String.class), new TranslationFailedException(
                        "no translation after " + record.attempts + " tries (dragoman.kafka.max-attempts): "
                                + String.join(" | ", record.reasons),
                        exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class), false));
    }

    /** The dead letter of a record whose output the broker refused for good. */
    ProducerRecord<String, String> refused(StreamRecord record, Exception failure) {
        Header id = record.output.headers().lastHeader(TranslationHeaders.ID);
        return letter(record, id == null ? null : new String(id.value(), StandardCharsets.UTF_8), null, failure);
    }

    private ProducerRecord<String, String> letter(StreamRecord record, String id, String text, Exception failure) {
        Message letter = new DefaultMessage(context);
        letter.setHeader(KafkaConstants.OVERRIDE_TOPIC, topic);
        if (id != null) {
            letter.setHeader(TranslationHeaders.ID, id);
        }
        try {
            letter.setBody(limit.fit(DeadLetter.ofRecord(record.record, id, text, failure), letter));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dead letter cannot be written as JSON", e);
        }
        return publisher.output(record.record.key(), letter);
    }
}
