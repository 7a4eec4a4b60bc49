package dev.dragoman.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.util.ObjectHelper;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.ProviderException;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.TranslationHeaders;

/**
 * What the dead-letter topic receives for a record that cannot be translated for good: where it came from, its
 * original value and key, the text when it could be read, and why it failed. Everything needed to send it again
 * once the cause is fixed. The reason is masked once more here, so no key reaches the topic even from a message that
 * bypassed the provider code.
 *
 * @param error      the Java exception's simple name, e.g. {@code TranslationFailedException}
 * @param errorClass the provider's error class when a provider answered, e.g. {@code REQUEST_REJECTED}
 * @param truncated  true when the letter would not fit in a Kafka record: {@code value} is then cut and {@code text}
 *                   left out; absent otherwise
 * @param valueBytes the size in UTF-8 bytes of the whole value, given when it was cut
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "topic", "partition", "offset", "key", "value", "text", "truncated", "value_bytes", "error",
        "error_class", "reason" })
public record DeadLetter(
        String id,
        String topic,
        int partition,
        long offset,
        String key,
        String value,
        String text,
        Boolean truncated,
        @JsonProperty("value_bytes") Integer valueBytes,
        String error,
        @JsonProperty("error_class") String errorClass,
        String reason) {

    /** The dead letter for the record of this exchange and the exception that was caught on it. */
    public static DeadLetter of(Exchange exchange) {
        Message message = exchange.getMessage();
        return ofRecord(message, exchange.getVariable(ExchangeKeys.KAFKA_VALUE, String.class),
                exchange.getVariable(ExchangeKeys.KAFKA_TEXT, String.class),
                exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
    }

    /** The dead letter for a record (its Kafka headers and {@code DragomanId}), its value and text, and a failure. */
    static DeadLetter ofRecord(Message record, String value, String text, Throwable failure) {
        return of(record.getHeader(TranslationHeaders.ID, String.class),
                record.getHeader(KafkaConstants.TOPIC, String.class),
                record.getHeader(KafkaConstants.PARTITION, -1, Integer.class),
                record.getHeader(KafkaConstants.OFFSET, -1L, Long.class),
                record.getHeader(KafkaConstants.KEY, String.class), value, text, failure);
    }

    /** The dead letter for a consumed record, known to Dragoman by this id, with its text when it was read. */
    static DeadLetter ofRecord(ConsumerRecord<String, String> record, String id, String text, Throwable failure) {
        return of(id, record.topic(), record.partition(), record.offset(), record.key(), record.value(), text, failure);
    }

    private static DeadLetter of(String id, String topic, int partition, long offset, String key, String value,
            String text, Throwable failure) {
        ProviderException provider = ObjectHelper.getException(ProviderException.class, failure);
        return new DeadLetter(id, topic, partition, offset, key, value, text, null, null,
                failure == null ? null : failure.getClass().getSimpleName(),
                provider == null ? null : provider.errorClass().name(),
                failure == null ? null : Secrets.redact(failure.getMessage()));
    }

    /** This letter with its value cut to the given prefix and no text. */
    DeadLetter truncated(String valuePrefix, int valueBytes) {
        return new DeadLetter(id, topic, partition, offset, key, valuePrefix, null, true, valueBytes, error, errorClass,
                reason);
    }
}
