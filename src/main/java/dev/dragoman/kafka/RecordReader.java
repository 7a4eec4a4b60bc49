package dev.dragoman.kafka;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;

import dev.dragoman.check.Languages;
import dev.dragoman.translate.DocumentContext;
import dev.dragoman.translate.DocumentContexts;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.TranslationHeaders;

/**
 * Turns one consumed record into what {@code direct:translate} takes: the text as body and the {@code Dragoman*}
 * headers. A value is plain text, or a JSON object {@code {"text", "id", "source_lang", "target_lang", "provider",
 * "format"}}; the record's Kafka headers {@code DragomanSourceLang}, {@code DragomanTargetLang}, {@code DragomanProvider}
 * and {@code DragomanFormat} win
 * over the JSON. The id is the given one or {@code <topic>-<partition>-<offset>}, so a record translated twice after a
 * crash keeps its id and consumers can tell.
 * <p>
 * A value that starts like JSON but does not parse is plain text (people do write braces); a JSON object whose
 * {@code text} is missing or not a string, or a record with no value, is refused with {@link InvalidRecordException}.
 * The original value is kept in the {@value ExchangeKeys#KAFKA_VALUE} variable for the dead letter. With context
 * on, the records of one key are one document: the record takes its key's {@link DocumentContext} along.
 * <p>
 * A record is read once: the stream reads it to batch it ({@link RecordTranslations}), and the route's reading of it
 * then finds it read.
 */
public final class RecordReader implements Processor {

    static final String[] OVERRIDES = {
            TranslationHeaders.SOURCE_LANG, TranslationHeaders.TARGET_LANG, TranslationHeaders.PROVIDER,
            TranslationHeaders.FORMAT };
    private static final String[] FIELDS = { "source_lang", "target_lang", "provider", "format" };
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DocumentContexts contexts;

    public RecordReader(DocumentContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public void process(Exchange exchange) throws InvalidRecordException {
        if (exchange.getProperty(ExchangeKeys.KAFKA_READ) != null) {
            return;
        }
        Message message = exchange.getMessage();
        String value = message.getBody(String.class);
        exchange.setVariable(ExchangeKeys.KAFKA_VALUE, value);
        if (value == null) {
            throw new InvalidRecordException("the record has no value");
        }
        JsonNode json = jsonObject(value);
        String text = json == null ? value : field(json, "text");
        if (text == null) {
            throw new InvalidRecordException("the JSON value has no \"text\"");
        }
        exchange.setVariable(ExchangeKeys.KAFKA_TEXT, text);
        String id = json == null ? null : field(json, "id");
        message.setHeader(TranslationHeaders.ID, id != null ? id : message.getHeader(KafkaConstants.TOPIC) + "-"
                + message.getHeader(KafkaConstants.PARTITION) + "-" + message.getHeader(KafkaConstants.OFFSET));
        for (int i = 0; i < OVERRIDES.length; i++) {
            String given = header(message, OVERRIDES[i]);
            message.setHeader(OVERRIDES[i], given != null || json == null ? given : field(json, FIELDS[i]));
        }
        // a language goes into the prompt: a name or a tag, never instructions
        for (String language : new String[] { TranslationHeaders.SOURCE_LANG, TranslationHeaders.TARGET_LANG }) {
            String given = message.getHeader(language, String.class);
            if (given != null && !Languages.isValid(given)) {
                throw new InvalidRecordException("a language must be a BCP 47 tag (de, pt-BR) or a language's name"
                        + " (letters, spaces, hyphens, parentheses; at most 40), not '" + given + "'");
            }
        }
        String format = message.getHeader(TranslationHeaders.FORMAT, String.class);
        if (format != null && !TranslationHeaders.FORMATS.contains(format)) {
            throw new InvalidRecordException("\"format\" must be one of " + TranslationHeaders.FORMATS + ", not '"
                    + format + "'");
        }
        contexts.of(message.getHeader(KafkaConstants.KEY, String.class))
                .ifPresent(document -> exchange.setProperty(ExchangeKeys.CONTEXT, document));
        message.setBody(text);
        exchange.setProperty(ExchangeKeys.KAFKA_READ, Boolean.TRUE);
    }

    /** The value as a JSON object, or null when it is plain text. */
    private static JsonNode jsonObject(String value) {
        if (!value.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException notJson) {
            return null;
        }
    }

    /** A string field, null when absent or null; any other type is refused rather than guessed at. */
    private static String field(JsonNode json, String name) throws InvalidRecordException {
        JsonNode node = json.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new InvalidRecordException("\"" + name + "\" must be a string, not " + node.getNodeType()
                    .name().toLowerCase());
        }
        return node.asText();
    }

    /** Kafka header values arrive as bytes; they are UTF-8 text. */
    private static String header(Message message, String name) {
        Object value = message.getHeader(name);
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : value == null ? null : value.toString();
    }
}
