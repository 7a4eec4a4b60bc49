package dev.dragoman.http;

import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.vertx.core.http.HttpServerResponse;

import dev.dragoman.keys.Secrets;
import dev.dragoman.provider.Json;
import dev.dragoman.translate.DeltaListener;
import dev.dragoman.translate.ExchangeKeys;
import dev.dragoman.translate.TranslationHeaders;

/**
 * Server-sent events for {@code POST /translate} with {@code Accept: text/event-stream}; bound as
 * {@code sseReplies}. One {@code delta} event per piece of text as the provider streams it ({@code reset} when a
 * retry on another key starts over), then {@code envelope} with the whole envelope, or {@code error}.
 * <p>
 * The events are written straight to the Vert.x response, which platform-http then leaves alone because it has
 * ended: in Camel 4.17 a streamed body is only flushed when 4 KiB have gathered, so events would arrive all at once.
 */
public class SseReplies {

    private static final Logger LOG = LoggerFactory.getLogger(SseReplies.class);

    public void open(Exchange exchange) {
        EventWriter writer = new EventWriter(exchange.getIn(HttpMessage.class).getResponse());
        exchange.setProperty(ExchangeKeys.SSE_WRITER, writer);
        exchange.setProperty(ExchangeKeys.DELTAS, writer);
    }

    public void complete(Exchange exchange) throws JsonProcessingException {
        exchange.getProperty(ExchangeKeys.SSE_WRITER, EventWriter.class)
                .end("envelope", Json.MAPPER.writeValueAsString(exchange.getMessage().getBody()));
    }

    public void fail(Exchange exchange) throws JsonProcessingException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        LOG.debug("streamed translation failed: {}", failure.getMessage());
        exchange.getProperty(ExchangeKeys.SSE_WRITER, EventWriter.class).end("error", Json.MAPPER.writeValueAsString(
                Map.of("error", Secrets.redact(String.valueOf(failure.getMessage())))));
    }

    /** Writes events as they come; a reset is only sent when deltas were sent since the last one. */
    static final class EventWriter implements DeltaListener {

        private final HttpServerResponse response;
        private boolean sentDeltas;

        EventWriter(HttpServerResponse response) {
            this.response = response;
        }

        @Override
        public void onDelta(String text) {
            try {
                event("delta", Json.MAPPER.writeValueAsString(Map.of("delta", text)));
                sentDeltas = true;
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
        }

        @Override
        public void onReset() {
            if (sentDeltas) {
                event("reset", "{}");
                sentDeltas = false;
            }
        }

        void end(String name, String data) {
            event(name, data);
            if (!response.ended()) {
                response.end();
            }
        }

        private synchronized void event(String name, String data) {
            if (response.closed() || response.ended()) {
                return;
            }
            if (!response.headWritten()) {
                response.setStatusCode(200).setChunked(true)
                        .putHeader("Content-Type", "text/event-stream")
                        .putHeader("Cache-Control", "no-cache")
                        .putHeader("X-Accel-Buffering", "no");
            }
            response.write("event: " + name + "\ndata: " + data + "\n\n");
        }
    }
}
