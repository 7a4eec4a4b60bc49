package dev.dragoman.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * Keeps every record Dragoman publishes within {@code dragoman.kafka.max-record-size}, the producer's
 * {@code max.request.size}: a record above it is refused by the producer itself, so its batch could never be
 * finished. An envelope that would not fit makes its record a dead letter; a dead letter that would not fit carries a
 * cut copy of the value and says so.
 * <p>
 * A record's size is counted as Kafka frames it (https://kafka.apache.org/documentation/#recordbatch): its key, value
 * and the headers the producer propagates (not {@code Camel*} or {@code kafka.*}), plus the batch and record headers.
 */
public final class RecordLimit {

    /** A record batch's header (61 bytes) and one record's own header, varints at their largest, rounded up. */
    private static final int FRAMING = 128;
    /** Per header: the two length varints at their largest, rounded up. */
    private static final int HEADER_FRAMING = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int maxRecordSize;

    public RecordLimit(int maxRecordSize) {
        this.maxRecordSize = maxRecordSize;
    }

    /** Before translating: a text larger than a record cannot fit in an envelope, which carries it; not paid for. */
    public void checkText(Exchange exchange) throws OversizedRecordException {
        int size = utf8Length(exchange.getMessage().getBody(String.class));
        if (size > maxRecordSize) {
            throw new OversizedRecordException("the text (" + size + " bytes) cannot fit in an envelope within "
                    + "dragoman.kafka.max-record-size (" + maxRecordSize + " bytes)");
        }
    }

    /** After: the envelope (the body), with the key and headers it will be published with. */
    public void checkEnvelope(Exchange exchange) throws OversizedRecordException {
        Message message = exchange.getMessage();
        long size = size(message, message.getBody(String.class));
        if (size > maxRecordSize) {
            throw new OversizedRecordException("the envelope (" + size + " bytes with key and headers) exceeds "
                    + "dragoman.kafka.max-record-size (" + maxRecordSize + " bytes)");
        }
    }

    /** Replaces the {@link DeadLetter} body by its JSON, cut to fit when it is too large. */
    public void fit(Exchange exchange) throws JsonProcessingException {
        Message message = exchange.getMessage();
        message.setBody(fit(message.getBody(DeadLetter.class), message));
    }

    /** The letter as JSON within the limit, sent with the headers of this message. */
    String fit(DeadLetter letter, Message message) throws JsonProcessingException {
        String json = JSON.writeValueAsString(letter);
        long excess = size(message, json) - maxRecordSize;
        if (excess <= 0) {
            return json;
        }
        byte[] value = letter.value() == null ? new byte[0] : letter.value().getBytes(StandardCharsets.UTF_8);
        int keep = value.length;
        json = JSON.writeValueAsString(letter.truncated(letter.value(), value.length));
        excess = size(message, json) - maxRecordSize;
        // JSON escapes can make the kept part larger than its bytes: cut again until it fits
        while (excess > 0 && keep > 0) {
            keep = Math.max(0, keep - (int) Math.min(Integer.MAX_VALUE, excess));
            json = JSON.writeValueAsString(letter.truncated(prefix(value, keep), value.length));
            excess = size(message, json) - maxRecordSize;
        }
        return json;
    }

    /** The first bytes of UTF-8 text as a string, never ending in the middle of a character. */
    private static String prefix(byte[] utf8, int bytes) {
        int end = bytes;
        while (end > 0 && end < utf8.length && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(utf8, 0, end, StandardCharsets.UTF_8);
    }

    /** The size of the record this message publishes with this value. */
    private static long size(Message message, String value) {
        long size = FRAMING + utf8Length(value) + utf8Length(message.getHeader(KafkaConstants.KEY, String.class));
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            if (!startsWithIgnoreCase(name, "camel") && !startsWithIgnoreCase(name, "org.apache.camel")
                    && !startsWithIgnoreCase(name, "kafka.")) {
                size += HEADER_FRAMING + utf8Length(name) + headerValueSize(header.getValue());
            }
        }
        return size;
    }

    private static int headerValueSize(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes.length;
        }
        if (value instanceof String text) {
            return utf8Length(text);
        }
        return value instanceof Number || value instanceof Boolean ? Long.BYTES : 0;
    }

    private static boolean startsWithIgnoreCase(String name, String prefix) {
        return name.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The length of the text in UTF-8, counted rather than encoded: every record's envelope and headers pass here. */
    static int utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        int bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                // a lone surrogate is encoded as '?', one byte
                bytes += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return bytes;
    }
}
